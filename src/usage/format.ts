// Usage and timing figures for the panel. Pure.
import type { StreamedMessage } from '../protocol';

export interface UsageFigures {
  readonly model: string;
  readonly stopReason: string;
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly cacheWriteTokens: number | null;
  readonly cacheReadTokens: number | null;
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
  const output = usage?.output_tokens ?? null;
  const generationSeconds = firstTokenAt === null ? 0 : (generationEnd - firstTokenAt) / 1000;
  return {
    model: stream.header?.model ?? requestedModel,
    stopReason: stream.header?.stop_reason ?? (stream.status === 'streaming' ? '…' : '—'),
    inputTokens: usage?.input_tokens ?? null,
    outputTokens: output,
    cacheWriteTokens: usage?.cache_creation_input_tokens ?? null,
    cacheReadTokens: usage?.cache_read_input_tokens ?? null,
    timeToFirstTokenMs: firstTokenAt === null ? null : firstTokenAt - requestStartedAt,
    totalTimeMs: end - requestStartedAt,
    // Over the generation phase only (first token to last), so the wait for the first token does not dilute it.
    outputTokensPerSecond: output !== null && generationSeconds > 0 ? output / generationSeconds : null,
  };
}

export function formatCount(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('en-US');
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatRate(perSecond: number | null): string {
  return perSecond === null ? '—' : perSecond.toFixed(1);
}
