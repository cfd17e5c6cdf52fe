import { useEffect, useMemo, useState } from 'react';
import { deltaArrivals, useStreamRecord } from '../inspector';
import { recordEntries } from '../record';
import { InspectButton } from '../inspector';
import { selectAssistant, selectStream, useChatStore, type ChatState } from '../store';
import { costOf, formatUsd, type CostBreakdown } from './cost';
import { SERVER_TOOL_PRICES } from './pricing-table';
import { formatCount, formatDuration, formatPercent, formatRate, usageFigures, type UsageFigures } from './format';
import { gapStats } from './timing-stats';
import { totalsOf, turnOf, type UsageTotals } from './turn-usage';

type Row = readonly [label: string, value: string];

/**
 * Live while streaming, but on a slow tick (4 a second) rather than with
 * every frame's store update: the figures are read, not watched, and the
 * panel must not add work to the streaming hot path.
 */
export function UsagePanel({ messageId }: { readonly messageId: string }) {
  const streaming = useChatStore((s) => selectStream(s, messageId)?.status === 'streaming');
  const now = useTicker(streaming);
  const committed = useChatStore((s) => (streaming ? undefined : selectAssistant(s, messageId)));
  const message = streaming ? selectAssistant(useChatStore.getState(), messageId) : committed;
  const turn = useChatStore((s) => turnTotals(s, messageId));
  const [more, setMore] = useState(false);
  // Inter-token gaps sort every gap: computed once the answer has ended, and only when the details are shown.
  const record = useStreamRecord(messageId, !streaming && more, '');
  const gaps = useMemo(() => (record.kind === 'ready' ? gapStats(deltaArrivals(recordEntries(record.record))) : null), [record]);
  if (message === undefined) return null;
  const stream = message.stream;
  const usage = stream.header?.usage;
  const f = usageFigures(stream, message.requestedModel, now);
  // While streaming, and after a cut-off stream, the cost is an estimate: the output so far at the output rate.
  const cost = usage === undefined ? null : costOf(f.model, f.outputEstimated ? { ...usage, output_tokens: f.outputTokens ?? 0 } : usage);
  const estimated = (text: string, value: unknown) => (f.outputEstimated && value !== null ? `~${text}` : text);

  const core: Row[] = [
    ['Model', f.model],
    ['Stop reason', f.stopReason],
    ['Input tokens', formatCount(f.inputTokens)],
    ['Output tokens', estimated(formatCount(f.outputTokens), f.outputTokens)],
    ['Cache write tokens', formatCount(f.cacheWriteTokens)],
    ['Cache read tokens', formatCount(f.cacheReadTokens)],
    ['Prompt tokens', formatCount(f.promptTokens)],
    ['Cache hit', formatPercent(f.cacheHit)],
    ['Time to first token', formatDuration(f.timeToFirstTokenMs)],
    ['Total time', formatDuration(f.totalTimeMs)],
    ['Output tokens/s', estimated(formatRate(f.outputTokensPerSecond), f.outputTokensPerSecond)],
    ['Cost', cost === null ? (streaming ? '…' : '—') : cost.priced ? estimated(formatUsd(cost.breakdown.total), cost) : 'no price'],
    ...serverToolRows(usage?.server_tool_use),
  ];
  const details: Row[] = [
    ['Message id', stream.header?.id ?? '—'],
    ['Request id', message.requestId ?? '—'],
    ['Stop sequence', stream.header?.stop_sequence ?? '—'],
    ['Cache write 5m', formatCount(usage?.cache_creation?.ephemeral_5m_input_tokens ?? null)],
    ['Cache write 1h', formatCount(usage?.cache_creation?.ephemeral_1h_input_tokens ?? null)],
    ['Service tier', usage?.service_tier ?? '—'],
    ['Inference region', usage?.inference_geo ?? '—'],
    ['Token gap p50', formatDuration(gaps?.p50 ?? null)],
    ['Token gap p95', formatDuration(gaps?.p95 ?? null)],
    ['Token gap max', formatDuration(gaps?.max ?? null)],
    ['Cost breakdown', cost?.priced ? breakdown(cost.breakdown) : '—'],
  ];
  if (ranCode(stream.blocks)) details.push(['Code execution', CODE_EXECUTION_NOTE]);
  if (turn !== null) details.push(...turnRows(turn));
  return (
    <div data-testid="usage" className="mt-1 rounded-lg border border-stone-200 bg-stone-50/70 px-3 py-2 text-xs dark:border-stone-700 dark:bg-stone-900/60">
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 min-[420px]:grid-cols-2 sm:grid-cols-3">
        {core.map(([label, value]) => (
          <Stat key={label} label={label} value={value} />
        ))}
        {details.map(([label, value]) => (
          <Stat key={label} label={label} value={value} hidden={!more} />
        ))}
      </dl>
      <PromptBar figures={f} />
      {f.estimateReason !== null && (
        <p data-testid="usage-estimate-note" className="mt-1 text-stone-600 dark:text-stone-400">
          ~ {f.estimateReason}
        </p>
      )}
      <div className="mt-1 flex gap-4">
        <button type="button" aria-expanded={more} onClick={() => setMore((m) => !m)} className="text-xs text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">
          {more ? 'Fewer details' : 'More details'}
        </button>
        <InspectButton messageId={messageId} />
        {turn !== null && !more && (
          <span className="ml-auto text-stone-600 dark:text-stone-400">
            Turn: {turn.requests} requests, {turnCost(turn)}
          </span>
        )}
      </div>
    </div>
  );
}

function Stat({ label, value, hidden = false }: { readonly label: string; readonly value: string; readonly hidden?: boolean }) {
  return (
    <div className="flex min-w-0 justify-between gap-2" hidden={hidden}>
      <dt className="shrink-0 text-stone-600 dark:text-stone-400">{label}</dt>
      <dd className="truncate font-mono tabular-nums text-stone-800 dark:text-stone-200" title={value}>
        {value}
      </dd>
    </div>
  );
}

/** The prompt split into what was read fresh, written to the cache and read from it. */
function PromptBar({ figures }: { readonly figures: UsageFigures }) {
  const prompt = figures.promptTokens;
  if (prompt === null || prompt === 0) return null;
  const parts = [
    { key: 'uncached', label: 'uncached', tokens: figures.inputTokens ?? 0, className: 'bg-stone-400 dark:bg-stone-500' },
    { key: 'written', label: 'written to cache', tokens: figures.cacheWriteTokens ?? 0, className: 'bg-amber-500' },
    { key: 'read', label: 'read from cache', tokens: figures.cacheReadTokens ?? 0, className: 'bg-emerald-600' },
  ];
  const label = `Prompt of ${formatCount(prompt)} tokens: ${parts.map((p) => `${formatCount(p.tokens)} ${p.label}`).join(', ')}`;
  return (
    <div data-testid="prompt-bar" role="img" aria-label={label} title={label} className="mt-1.5 flex h-1.5 w-full overflow-hidden rounded-full bg-stone-200 dark:bg-stone-700">
      {parts.map((p) => (p.tokens > 0 ? <div key={p.key} data-part={p.key} data-tokens={p.tokens} className={p.className} style={{ width: `${(p.tokens / prompt) * 100}%` }} /> : null))}
    </div>
  );
}

function breakdown(b: CostBreakdown): string {
  const search = b.webSearch > 0 ? ` · web search ${formatUsd(b.webSearch)}` : '';
  return `in ${formatUsd(b.input)} · out ${formatUsd(b.output)} · cache write ${formatUsd(b.cacheWrite5m + b.cacheWrite1h)} · cache read ${formatUsd(b.cacheRead)}${search}`;
}

const SERVER_TOOL_LABELS: Readonly<Record<string, string>> = {
  web_search_requests: 'Web search requests',
  web_fetch_requests: 'Web fetch requests',
};

/** Every count in `usage.server_tool_use`, known or not (a new one shows under its field name). */
function serverToolRows(counts: unknown): Row[] {
  if (typeof counts !== 'object' || counts === null) return [];
  return Object.entries(counts as Record<string, unknown>).flatMap(([key, value]): Row[] => {
    if (typeof value !== 'number') return [];
    return [[SERVER_TOOL_LABELS[key] ?? key.replaceAll('_', ' '), formatCount(value)]];
  });
}

const p = SERVER_TOOL_PRICES.codeExecutionPerContainerHour;
const CODE_EXECUTION_NOTE = `container time is not reported per answer; billed at ${formatUsd(p.usd)}/hour after ${p.freeHoursPerMonth.toLocaleString('en-US')} free hours a month (free with web search or fetch 20260209)`;

function ranCode(blocks: readonly { readonly block: { readonly type: string } }[]): boolean {
  return blocks.some((b) => b.block.type.endsWith('code_execution_tool_result'));
}

function turnCost(t: UsageTotals): string {
  return t.unpriced > 0 ? `at least ${formatUsd(t.cost)}` : formatUsd(t.cost);
}

function turnRows(t: UsageTotals): Row[] {
  return [
    ['Turn requests', String(t.requests)],
    ['Turn input tokens', formatCount(t.inputTokens)],
    ['Turn output tokens', formatCount(t.outputTokens)],
    ['Turn cost', turnCost(t)],
  ];
}

// Every store update (one per frame while streaming) runs every mounted
// selector; the turn totals only change with the committed messages, so they
// are cached per `messages` object and found in O(1) between commits.
const turnCache = new WeakMap<object, Map<string, UsageTotals | null>>();

/** Totals for a turn of several requests, shown on its last answer; null otherwise. */
function turnTotals(state: ChatState, messageId: string): UsageTotals | null {
  let perMessage = turnCache.get(state.messages);
  if (perMessage === undefined) {
    perMessage = new Map();
    turnCache.set(state.messages, perMessage);
  }
  const key = `${messageId}:${state.turnActive}:${state.messageIds.length}`;
  const cached = perMessage.get(key);
  if (cached !== undefined) return cached;
  const totals = computeTurnTotals(state, messageId);
  perMessage.set(key, totals);
  return totals;
}

function computeTurnTotals(state: ChatState, messageId: string): UsageTotals | null {
  const ids = state.messageIds;
  const index = ids.indexOf(messageId);
  if (index < 0 || state.messages[messageId] === undefined) return null;
  const next = ids.slice(index + 1).find((id) => state.messages[id]?.role !== 'notice');
  if (next !== undefined && state.messages[next]?.role !== 'user') return null;
  if (next === undefined && state.turnActive) return null;
  const transcript = ids.flatMap((id) => state.messages[id] ?? []);
  const totals = totalsOf(turnOf(transcript, messageId));
  return totals.requests > 1 ? totals : null;
}

/** The clock as of the last tick, 4 a second while `active`. A finished answer has its own end time and does not read it. */
function useTicker(active: boolean): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
