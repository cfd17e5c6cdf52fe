// The one scheduler of the stream head: it decides when the store is written,
// at most once per animation frame. Deltas can arrive far faster than the
// screen refreshes, and every zustand `set` runs every mounted selector. A
// timer backs up requestAnimationFrame, which does not fire in a hidden tab
// (the stream keeps going there).
export interface FrameBatcher {
  /** Runs `flush` once, on the next frame, however many times it is called before then. */
  schedule(): void;
  /** Drops a pending flush (at the end of a stream, once the last state is written). */
  cancel(): void;
}

export function createFrameBatcher(flush: () => void, hiddenTabFallbackMs: number): FrameBatcher {
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const cancel = () => {
    if (frame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    if (timer !== null) clearTimeout(timer);
    frame = null;
    timer = null;
  };
  const run = () => {
    cancel();
    flush();
  };

  return {
    schedule() {
      if (frame !== null || timer !== null) return;
      if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(run);
      timer = setTimeout(run, hiddenTabFallbackMs);
    },
    cancel,
  };
}
