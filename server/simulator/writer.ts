// The thin I/O shell for a stream: writes steps to the response with pacing,
// flushes per event (unpaced, per run of events), honours backpressure, sends
// keep-alive pings during long waits, and stops as soon as the client goes
// away.
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { formatEvent, stepBytes } from './sse';
import type { Step } from './types';

export interface Pacing {
  firstTokenDelayMs: number;
  tokensPerSecond: number;
  /** No waits at all (the `fast` flag); stalls still happen. */
  fast: boolean;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** True when `sleep` is real time, so drift can be corrected from the clock. */
  realClock: boolean;
}

export type PlayOutcome = 'finished' | 'dropped' | 'client-gone';

const KEEPALIVE_MS = 5000;
/** Events written at once, between turns of the event loop, when a stream is unpaced. */
const FAST_RUN_EVENTS = 64;

export async function writeChunk(res: ServerResponse, text: string, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted || res.destroyed) return false;
  if (res.write(text)) return true;
  // Backpressure: wait for the socket to drain (or the client to leave). The listener that did not fire is
  // removed: a long stream to a slow client waits many times.
  const waited = new AbortController();
  const event = (name: string) => once(res, name, { signal: waited.signal }).catch(() => undefined);
  await Promise.race([event('drain'), event('close')]);
  waited.abort();
  return !signal.aborted && !res.destroyed;
}

async function safeSleep(pacing: Pacing, ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return;
  try {
    await pacing.sleep(ms, signal);
  } catch {
    // An abort may reject the sleep; the caller checks the signal.
  }
}

export async function playSteps(steps: readonly Step[], res: ServerResponse, pacing: Pacing, signal: AbortSignal): Promise<PlayOutcome> {
  const start = Date.now();
  let due = 0; // virtual ms since start at which the next write is due
  let waited = 0; // virtual ms already slept (when the clock is virtual)

  /** Sleeps until `due`; splits long waits with pings unless `silent`. */
  const waitForDue = async (silent: boolean): Promise<boolean> => {
    for (;;) {
      const remaining = pacing.realClock ? start + due - Date.now() : due - waited;
      if (remaining <= 0) return !signal.aborted;
      const chunk = silent ? remaining : Math.min(remaining, KEEPALIVE_MS);
      await safeSleep(pacing, chunk, signal);
      waited += chunk;
      if (signal.aborted) return false;
      const left = pacing.realClock ? start + due - Date.now() : due - waited;
      // Only a full keep-alive interval of silence earns a ping; timer jitter on short waits must not.
      const ping = !silent && chunk >= KEEPALIVE_MS && left > 0;
      if (ping && !(await writeChunk(res, formatEvent('ping', { type: 'ping' }), signal))) return false;
    }
  };

  /** Fast mode's run of events not yet written, and how many it holds. */
  let unsent = '';
  let inRun = 0;
  const flush = async (): Promise<boolean> => {
    if (unsent === '') return true;
    const text = unsent;
    unsent = '';
    inRun = 0;
    return writeChunk(res, text, signal);
  };
  for (const step of steps) {
    if (signal.aborted) return 'client-gone';
    // Whatever waits, cuts or ends the stream comes after the events before it are on the wire.
    if (step.kind !== 'event' && step.kind !== 'raw' && !(await flush())) return 'client-gone';
    switch (step.kind) {
      case 'first-token':
        if (!pacing.fast) due += pacing.firstTokenDelayMs;
        break;
      case 'stall':
        // Unpaced streams have no schedule to extend: stall from "now".
        due = (pacing.fast ? (pacing.realClock ? Date.now() - start : waited) : due) + step.ms;
        if (!(await waitForDue(true))) return 'client-gone';
        break;
      case 'drop':
        // The caller cuts the connection, after noting it is on purpose.
        return 'dropped';
      case 'raw':
      case 'event': {
        if (pacing.fast) {
          // Unpaced, events go out in runs: one write (one syscall, one HTTP chunk) per run instead of per
          // event. The bytes are the same; a 20,000-token answer costs the simulator half the CPU.
          unsent += stepBytes(step);
          if (++inRun < FAST_RUN_EVENTS) break;
          if (!(await flush())) return 'client-gone';
          // Let the event loop run, so a disconnect is noticed.
          await new Promise<void>((resolve) => setImmediate(resolve));
          break;
        }
        if (step.kind === 'event' && step.tokens > 0) due += (step.tokens * 1000) / pacing.tokensPerSecond;
        if (!(await waitForDue(false))) return 'client-gone';
        if (!(await writeChunk(res, stepBytes(step), signal))) return 'client-gone';
        break;
      }
      default: {
        const never: never = step;
        return never;
      }
    }
  }
  return (await flush()) ? 'finished' : 'client-gone';
}
