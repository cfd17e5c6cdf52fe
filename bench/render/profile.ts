// `--profile`: a CPU profile (CDP Profiler) of one measured app run, mapped
// back to src/ through the build's hidden source maps, summarised by self and
// total time per function. This is how the bench says where the time goes.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { CDPSession } from '@playwright/test';
import { ROOT } from './build';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

export async function stopProfile(cdp: CDPSession): Promise<CpuProfile> {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  return profile as unknown as CpuProfile;
}

type Mapper = (frame: CallFrame) => string;

interface TraceMapModule {
  TraceMap: new (map: string) => unknown;
  originalPositionFor: (map: unknown, needle: { line: number; column: number }) => { source: string | null; line: number | null; name: string | null };
}

/** "src/file.ts:line function" for frames in the build (through its hidden source maps), else bundle coordinates. */
async function mapperFor(buildDir: string, urls: ReadonlySet<string>): Promise<Mapper> {
  let tm: TraceMapModule | null = null;
  try {
    // A dependency of the toolchain, not of the app; without it, frames stay in bundle coordinates.
    tm = (await import('@jridgewell/trace-mapping' as string)) as TraceMapModule;
  } catch {
    tm = null;
  }
  const maps = new Map<string, unknown>();
  for (const url of urls) {
    if (tm === null || !url.startsWith('http')) continue;
    const path = new URL(url).pathname;
    const file = join(buildDir, `${path}.map`);
    if (path.startsWith('/assets/') && existsSync(file)) maps.set(url, new tm.TraceMap(await readFile(file, 'utf8')));
  }
  const cache = new Map<string, string>();
  return (frame) => {
    const key = `${frame.url}|${frame.lineNumber}|${frame.columnNumber}|${frame.functionName}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    let out = frame.url === '' ? `(${frame.functionName || 'native'})` : `${frame.url.replace(/^https?:\/\/[^/]+/, '')}:${frame.lineNumber + 1}:${frame.columnNumber + 1} ${frame.functionName || '(anonymous)'}`;
    const map = maps.get(frame.url);
    if (map !== undefined && tm !== null) {
      const pos = tm.originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
      if (pos.source !== null) {
        const abs = resolve(buildDir, 'assets', pos.source);
        const source = abs.includes('/node_modules/') ? abs.slice(abs.lastIndexOf('/node_modules/') + '/node_modules/'.length) : relative(ROOT, abs);
        out = `${source}:${pos.line ?? '?'} ${frame.functionName || pos.name || '(anonymous)'}`;
      }
    }
    cache.set(key, out);
    return out;
  };
}

/**
 * The profile's call tree with names mapped to sources, and the one walk both
 * summaries need: a sample's time credited to every distinct function on its
 * stack (recursion counted once).
 */
async function profileTree(profile: CpuProfile, buildDir: string) {
  const mapper = await mapperFor(buildDir, new Set(profile.nodes.map((n) => n.callFrame.url)));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const creditStack = (total: Map<string, number>, id: number, dt: number): void => {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (n === undefined) break;
      const key = mapper(n.callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + dt);
    }
  };
  return { mapper, byId, creditStack };
}

export interface ProfileRow {
  readonly where: string;
  readonly selfMs: number;
  readonly totalMs: number;
}

/** Self and total time per mapped function, biggest first. */
export async function summarise(profile: CpuProfile, buildDir: string, top = 25): Promise<{ readonly bySelf: ProfileRow[]; readonly byTotal: ProfileRow[]; readonly sampledMs: number }> {
  const { mapper, byId, creditStack } = await profileTree(profile, buildDir);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let sampledMs = 0;
  for (let i = 0; i < samples.length; i++) {
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    const id = samples[i] ?? -1;
    const node = byId.get(id);
    if (node === undefined) continue;
    const name = mapper(node.callFrame);
    if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') {
      if (name !== '(idle)') self.set(name, (self.get(name) ?? 0) + dt);
      if (name !== '(idle)') sampledMs += dt;
      continue;
    }
    sampledMs += dt;
    self.set(name, (self.get(name) ?? 0) + dt);
    creditStack(total, id, dt);
  }
  const rows = (m: Map<string, number>) => [...m.entries()].map(([where, v]) => ({ where, selfMs: self.get(where) ?? 0, totalMs: total.get(where) ?? v }));
  return {
    bySelf: rows(self).sort((a, b) => b.selfMs - a.selfMs).slice(0, top),
    byTotal: rows(total)
      .filter((r) => r.where !== '(root)')
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, top),
    sampledMs,
  };
}


export interface BusyStretch {
  /** ms from the start of the profile. */
  readonly startMs: number;
  readonly durationMs: number;
  /** Biggest self times in the stretch (JS functions; "(program)" is the browser's own work: style, layout, paint, parsing). */
  readonly bySelf: ProfileRow[];
  /** Biggest totals among the app's own functions (src/) and libraries, React's internals left out. */
  readonly byTotal: ProfileRow[];
}

/**
 * Runs of consecutive non-idle samples longer than minMs: the main thread's
 * long tasks as the profiler saw them, each broken down by function. No clock
 * calibration needed: the profile's own sample times delimit them.
 */
export async function longStretches(profile: CpuProfile, buildDir: string, minMs = 50, top = 8): Promise<BusyStretch[]> {
  const { mapper, byId, creditStack } = await profileTree(profile, buildDir);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const stretches: BusyStretch[] = [];
  let t = 0;
  let open: { start: number; end: number; ids: Array<[number, number]> } | null = null;
  const close = () => {
    if (open !== null && open.end - open.start >= minMs) stretches.push(breakdown(open.start, open.end, open.ids));
    open = null;
  };
  const breakdown = (start: number, end: number, ids: Array<[number, number]>): BusyStretch => {
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    for (const [id, dt] of ids) {
      const node = byId.get(id);
      if (node === undefined) continue;
      const name = mapper(node.callFrame);
      self.set(name, (self.get(name) ?? 0) + dt);
      creditStack(total, id, dt);
    }
    const rows = (m: Map<string, number>) => [...m.entries()].map(([where, v]) => ({ where, selfMs: self.get(where) ?? 0, totalMs: total.get(where) ?? v }));
    const interesting = (where: string) => (where.startsWith('src/') || /^(marked|highlight\.js|katex|@microsoft|zustand)\//.test(where)) && !where.startsWith('src/main.tsx');
    return {
      startMs: start,
      durationMs: end - start,
      bySelf: rows(self).sort((a, b) => b.selfMs - a.selfMs).slice(0, top),
      byTotal: rows(total).filter((r) => interesting(r.where)).sort((a, b) => b.totalMs - a.totalMs).slice(0, top),
    };
  };
  for (let i = 0; i < samples.length; i++) {
    t += (deltas[i] ?? 0) / 1000;
    const id = samples[i] ?? -1;
    const node = byId.get(id);
    const idle = node === undefined || node.callFrame.functionName === '(idle)';
    if (idle) {
      close();
      continue;
    }
    const dt = (deltas[i + 1] ?? 0) / 1000;
    // A sampling hiccup (no sample for a while) inside busy work still belongs to it.
    if (open === null) open = { start: t, end: t + dt, ids: [] };
    open.end = t + dt;
    open.ids.push([id, dt]);
  }
  close();
  return stretches;
}
