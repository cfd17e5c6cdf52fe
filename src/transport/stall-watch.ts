// Gives up on a stream that goes quiet for too long. Activity is every SSE
// message (pings included, which the API sends during long pauses) and the
// response opening. Marking it sets a flag and nothing else, so the
// per-event hot path pays no clock read; a coarse interval turns the flag
// into a time. A stall is therefore noticed between `timeoutMs` and
// `timeoutMs` plus one interval (a quarter of the timeout, at most 1 s).
import { STALL_CHECK_MS } from './timing';

export interface StallWatch {
  /** Something arrived. */
  touch(): void;
  /** True once the watch aborted the request. */
  stalled(): boolean;
  dispose(): void;
}

export function watchForStalls(timeoutMs: number, abort: () => void, now: () => number = () => performance.now()): StallWatch {
  let last = now();
  let active = false;
  let didStall = false;
  const timer = setInterval(
    () => {
      const at = now();
      if (active) {
        active = false;
        last = at;
        return;
      }
      if (at - last < timeoutMs) return;
      didStall = true;
      clearInterval(timer);
      abort();
    },
    Math.max(STALL_CHECK_MS.min, Math.min(STALL_CHECK_MS.max, timeoutMs / 4)),
  );
  return {
    touch: () => {
      active = true;
    },
    stalled: () => didStall,
    dispose: () => clearInterval(timer),
  };
}
