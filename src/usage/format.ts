// Usage and timing figures for the panel. Pure.
import type { StreamedMessage } from '../protocol';

export interface UsageFigures {
  readonly model: string;
  readonly stopReason: string;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  /**
   * True while streaming, and after a stream that ended without its final
   * `message_delta` (error, drop, stall, Stop): the API reports output tokens
   * only at the end, so the count is estimated from the content received.
   */
  readonly outputEstimated: boolean;
  /** Why the output is estimated once the answer has ended; null when it is not, or while streaming. */
  readonly estimateReason: string | null;
  readonly cacheWriteTokens: number | null;
  readonly cacheReadTokens: number | null;
  /** What the model read: input + cache write + cache read. */
  readonly promptTokens: number | null;
  /** The share of the prompt read from the cache, 0 to 1; null without a prompt. */
  readonly cacheHit: number | null;
  readonly timeToFirstTokenMs: number | null;
  readonly totalTimeMs: number | null;
  readonly outputTokensPerSecond: number | null;
}

/** `now` stands in for the end while the answer is still streaming, so the panel updates live. */
export function usageFigures(stream: StreamedMessage, requestedModel: string, now: number): UsageFigures {
  const usage = stream.header?.usage;
  const { requestStartedAt, firstTokenAt, completedAt, lastEventAt } = stream.timing;
  const end = completedAt ?? now;
  const generationEnd = completedAt ?? lastEventAt ?? now;
  const streaming = stream.status === 'streaming';
  // message_delta carries the stop reason with the final usage: without it, message_start's output_tokens (1) stands.
  const cutOff = !streaming && usage !== undefined && stream.header?.stop_reason == null;
  const estimated = streaming || cutOff;
  const output = estimated ? estimateOutputTokens(stream) : (usage?.output_tokens ?? null);
  const generationSeconds = firstTokenAt === null ? 0 : (generationEnd - firstTokenAt) / 1000;
  const write = usage?.cache_creation_input_tokens ?? null;
  const read = usage?.cache_read_input_tokens ?? null;
  const prompt = usage === undefined ? null : usage.input_tokens + (write ?? 0) + (read ?? 0);
  return {
    model: stream.header?.model ?? requestedModel,
    stopReason: stream.header?.stop_reason ?? (stream.status === 'streaming' ? '…' : '—'),
    inputTokens: usage?.input_tokens ?? null,
    outputTokens: output,
    outputEstimated: estimated,
    estimateReason: cutOff ? CUT_OFF_REASON : null,
    cacheWriteTokens: write,
    cacheReadTokens: read,
    promptTokens: prompt,
    cacheHit: prompt === null || prompt === 0 ? null : (read ?? 0) / prompt,
    timeToFirstTokenMs: firstTokenAt === null ? null : firstTokenAt - requestStartedAt,
    totalTimeMs: end - requestStartedAt,
    // Over the generation phase only (first token to last), so the wait for the first token does not dilute it.
    outputTokensPerSecond: output !== null && generationSeconds > 0 ? output / generationSeconds : null,
  };
}

/**
 * A count (an integer) with thousands separated by commas, as en-US writes
 * it; other numbers keep all their digits. Not toLocaleString:
 * its first call loads the browser's number-formatting data, a 40 ms task
 * that landed exactly when the first token of the first answer arrived.
 */
export function formatCount(value: number | null): string {
  if (value === null) return '—';
  if (!Number.isFinite(value)) return String(value);
  const [whole = '', fraction] = Math.abs(value).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * Durations are differences of page-clock times, which the browser
 * quantises (to 0.1 ms, say) and floating point then blurs: 286.5 can come
 * out as 286.49999999 one time and 286.50000001 the next. Rounding off the
 * blur first means the same recorded times always read the same (a replay
 * shows the original's figures).
 */
const deblur = (value: number) => Math.round(value * 1e6) / 1e6;

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const clean = deblur(ms);
  if (clean < 1000) return `${Math.round(clean)} ms`;
  return `${(Math.round(clean / 10) / 100).toFixed(2)} s`;
}

export function formatRate(perSecond: number | null): string {
  return perSecond === null ? '—' : (Math.round(deblur(perSecond) * 10) / 10).toFixed(1);
}

const CUT_OFF_REASON = 'Estimated from the content received: the stream ended before its final usage (the API reports output tokens only at the end).';

/** A share as a whole percentage ("37%"); "—" for none. */
export function formatPercent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** About four characters per token, the usual rule of thumb for English text; shown with "~" and replaced by the API's count at the end. */
const CHARS_PER_TOKEN = 4;

export function estimateOutputTokens(stream: StreamedMessage): number | null {
  if (stream.timing.firstTokenAt === null) return null;
  let chars = 0;
  for (const state of stream.blocks) {
    if (state.kind === 'text') chars += state.block.text.length;
    else if (state.kind === 'thinking') chars += state.block.thinking.length;
    else if (state.kind === 'tool_input') chars += state.json.length;
  }
  return Math.max(1, Math.round(chars / CHARS_PER_TOKEN));
}
