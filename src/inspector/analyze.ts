// Figures derived from an event log. Pure.
import type { RecordEntry as LogEntry } from '../record';

const DELTA_FIELDS = ['text', 'thinking', 'partial_json'] as const;

/** Characters of generated content an event carries (text, thinking or tool input). */
export function contentChars(entry: LogEntry): number {
  if (entry.event !== 'content_block_delta') return 0;
  try {
    const delta = (JSON.parse(entry.data) as { delta?: Record<string, unknown> }).delta ?? {};
    for (const field of DELTA_FIELDS) {
      const value = delta[field];
      if (typeof value === 'string') return value.length;
    }
  } catch {
    return 0;
  }
  return 0;
}

/** Arrival times of content deltas: the "tokens" of the timing statistics. */
export function deltaArrivals(entries: readonly LogEntry[]): number[] {
  return entries.filter((e) => e.event === 'content_block_delta').map((e) => e.at);
}

export interface SeriesPoint {
  readonly at: number;
  readonly chars: number;
}

/** Cumulative generated characters over time, one point per content delta. */
export function cumulativeOutput(entries: readonly LogEntry[]): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  let chars = 0;
  for (const entry of entries) {
    const n = contentChars(entry);
    if (entry.event !== 'content_block_delta') continue;
    chars += n;
    points.push({ at: entry.at, chars });
  }
  return points;
}

export interface Stall {
  readonly from: number;
  readonly to: number;
}

/** Gaps with no byte at all (pings included) longer than `thresholdMs`. */
export function stalls(entries: readonly LogEntry[], thresholdMs: number): Stall[] {
  const out: Stall[] = [];
  for (let i = 1; i < entries.length; i++) {
    const from = entries[i - 1]?.at ?? 0;
    const to = entries[i]?.at ?? 0;
    if (to - from > thresholdMs) out.push({ from, to });
  }
  return out;
}

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
