// Inter-token gaps from the arrival times of content deltas. Pure.
export interface GapStats {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly count: number;
}

/** Nearest-rank percentiles of the gaps between consecutive arrivals (ms). */
export function gapStats(arrivals: readonly number[]): GapStats | null {
  if (arrivals.length < 2) return null;
  const gaps: number[] = [];
  for (let i = 1; i < arrivals.length; i++) gaps.push((arrivals[i] ?? 0) - (arrivals[i - 1] ?? 0));
  gaps.sort((a, b) => a - b);
  const rank = (p: number) => gaps[Math.min(gaps.length - 1, Math.max(0, Math.ceil(p * gaps.length) - 1))] ?? 0;
  return { p50: rank(0.5), p95: rank(0.95), max: gaps[gaps.length - 1] ?? 0, count: gaps.length };
}
