// BENCH ONLY: stands in for src/store/frame-batcher.ts in the per-delta naive
// build (see build.ts). A naive client writes the store on every delta and
// renders right away; flushSync makes React render each write instead of
// batching the writes of one task. Must never be imported by src/.
import { flushSync } from 'react-dom';

export interface FrameBatcher {
  schedule(): void;
  flushNow(): void;
}

/** A marker the bench finds in the per-delta build, proving the alias took effect. */
export const NAIVE_BATCHER_MARKER = 'bench-naive-batcher';

export function createFrameBatcher(flush: () => void): FrameBatcher {
  const now = () => flushSync(flush);
  return { schedule: now, flushNow: now };
}

// Kept in the bundle so the marker check can find it.
(globalThis as Record<string, unknown>)[NAIVE_BATCHER_MARKER] = true;
