// Arrivals waiting for the next frame. The page applies them a frame's
// budget of content at a time, so a burst reaches the screen in pieces it
// can render between frames.
import { applyArrival, arrivalChars, type Arrival } from './arrivals';
import type { StreamedMessage } from './message';

export interface ArrivalQueue {
  push(arrivals: readonly Arrival[]): void;
  /** Applies waiting arrivals in order until `budget` characters of content have been applied (at least one). */
  applyTo(message: StreamedMessage, budget: number): StreamedMessage;
  /** Characters of content waiting. */
  backlog(): number;
  /** Whether any arrival waits. */
  waiting(): boolean;
}

export function createArrivalQueue(): ArrivalQueue {
  const pending: Arrival[] = [];
  let next = 0;
  let backlog = 0;
  return {
    push(arrivals) {
      for (const arrival of arrivals) {
        pending.push(arrival);
        backlog += arrivalChars(arrival);
      }
    },
    applyTo(message, budget) {
      let current = message;
      let chars = 0;
      while (next < pending.length && chars < budget) {
        const arrival = pending[next++] as Arrival;
        const size = arrivalChars(arrival);
        chars += size;
        backlog -= size;
        current = applyArrival(current, arrival);
      }
      if (next === pending.length) {
        pending.length = 0;
        next = 0;
      }
      return current;
    },
    backlog: () => backlog,
    waiting: () => next < pending.length,
  };
}
