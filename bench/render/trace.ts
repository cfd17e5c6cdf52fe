// `--profile`: a Chromium performance trace of one run, reduced to the main
// thread's long tasks and what the browser did inside each (script, style,
// layout, paint, GC, HTML parsing): the part of a long task a JS CPU profile
// only shows as "(program)".
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string; readonly data?: Record<string, unknown> };
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'];

export async function startTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
}

export async function stopTrace(browser: Browser): Promise<TraceEvent[]> {
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

export interface TracedTask {
  readonly startMs: number;
  readonly durationMs: number;
  /** Self time per trace event name inside the task, biggest first. */
  readonly parts: ReadonlyArray<{ readonly name: string; readonly ms: number }>;
}

/** Names whose time is shown; anything else nests under them or is summed as "other". */
const LABELS: Readonly<Record<string, string>> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.run': 'script',
  'v8.compile': 'compile',
  'V8.CompileCode': 'compile',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  'v8.callFunction': 'script',
  UpdateLayoutTree: 'style',
  ScheduleStyleRecalculation: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'layerize',
  UpdateLayer: 'layerize',
  UpdateLayerTree: 'layerize',
  CompositeLayers: 'layerize',
  Commit: 'commit',
  ParseHTML: 'parse HTML',
  MajorGC: 'GC',
  MinorGC: 'GC',
  'V8.GCScavenger': 'GC',
  'V8.GCFinalizeMC': 'GC',
  'V8.GCIncrementalMarking': 'GC',
  BlinkGC: 'GC',
  'BlinkGC.AtomicPhase': 'GC',
  ResourceReceivedData: 'network',
  ResourceReceiveResponse: 'network',
  HitTest: 'layout',
};

/** The renderer main thread's tasks over minMs, each split into self time by label. */
export function longTracedTasks(events: readonly TraceEvent[], minMs = 50): TracedTask[] {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (main === undefined) return [];
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = own.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && (e.dur ?? 0) >= minMs * 1000);
  const first = own[0]?.ts ?? 0;
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const inside = own.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end);
    // Each event's exclusive time (its duration minus its direct children's)
    // goes to its own label, or its nearest labelled ancestor's, or "other".
    const totals = new Map<string, number>();
    interface Frame { readonly end: number; readonly label: string; readonly dur: number; children: number }
    const stack: Frame[] = [];
    const pop = (until: number) => {
      while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= until) {
        const top = stack.pop();
        if (top === undefined) break;
        totals.set(top.label, (totals.get(top.label) ?? 0) + Math.max(0, top.dur - top.children) / 1000);
      }
    };
    let direct = 0;
    for (const e of inside) {
      pop(e.ts);
      const parent = stack[stack.length - 1];
      if (parent !== undefined) parent.children += e.dur ?? 0;
      else direct += e.dur ?? 0;
      stack.push({ end: e.ts + (e.dur ?? 0), label: LABELS[e.name] ?? parent?.label ?? 'other', dur: e.dur ?? 0, children: 0 });
    }
    pop(Number.POSITIVE_INFINITY);
    totals.set('other', (totals.get('other') ?? 0) + Math.max(0, (task.dur ?? 0) - direct) / 1000);
    const parts = [...totals.entries()].map(([name, ms]) => ({ name, ms }));
    return { startMs: (task.ts - first) / 1000, durationMs: (task.dur ?? 0) / 1000, parts: parts.filter((p) => p.ms >= 0.5).sort((a, b) => b.ms - a.ms) };
  });
}
