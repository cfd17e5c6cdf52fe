// Gives up on a stream that goes quiet for too long. Activity is every SSE
// message (pings included, which the API sends during long pauses) and the
// response opening; marking it is one assignment, so the per-event hot path
// pays nothing, and a coarse interval checks for silence.

export interface StallWatch {
  /** Something arrived. */
  touch(): void;
  /** True once the watch aborted the request. */
  stalled(): boolean;
  dispose(): void;
}

export function watchForStalls(timeoutMs: number, abort: () => void, now: () => number = () => performance.now()): StallWatch {
  let last = now();
  let didStall = false;
  const timer = setInterval(
    () => {
      if (now() - last < timeoutMs) return;
      didStall = true;
      clearInterval(timer);
      abort();
    },
    Math.max(10, Math.min(1000, timeoutMs / 4)),
  );
  return {
    touch: () => {
      last = now();
    },
    stalled: () => didStall,
    dispose: () => clearInterval(timer),
  };
}
