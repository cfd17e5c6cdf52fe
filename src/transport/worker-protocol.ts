// What the page and the stream worker say to each other. Messages cross the
// thread boundary in batches: the raw messages packed into one string plus
// their end offsets (for the event log; cloning one string and transferring
// one buffer costs next to nothing, where an array of hundreds of thousands
// of small strings would cost tens of milliseconds on each side), and the
// batch decoded, its runs of deltas joined into a handful of events.
import { decodeEvent, joinDeltas, type DecodeResult, type StreamEnd, type StreamEvent } from '../protocol';
import type { ResponseMeta } from './stream-message';

/** The cloneable part of a StreamRequest: no signal, no injected fetch. */
export interface WorkerRequest {
  readonly url: string;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly stallTimeoutMs?: number;
}

export type ToWorker = { readonly type: 'start'; readonly id: number; readonly request: WorkerRequest } | { readonly type: 'abort'; readonly id: number };

export interface PackedMessages {
  /** Every message's event name, then its data, one after the other. */
  readonly text: string;
  /** Where each piece of `text` ends: two entries per message. */
  readonly ends: Uint32Array;
}

export type FromWorker =
  | { readonly type: 'open'; readonly id: number; readonly meta: ResponseMeta }
  /**
   * `at`: when the batch was parsed, in ms since the epoch (each thread has
   * its own performance clock). `decoded`: the same messages decoded, with
   * runs of deltas to one block joined (see joinDeltas).
   */
  | ({ readonly type: 'batch'; readonly id: number; readonly at: number; readonly decoded: readonly DecodeResult[] } & PackedMessages)
  | { readonly type: 'end'; readonly id: number; readonly end: StreamEnd };

/** The messages decoded, each run of deltas between decode errors joined. */
export function decodeBatch(events: readonly string[], data: readonly string[]): DecodeResult[] {
  const out: DecodeResult[] = [];
  let run: StreamEvent[] = [];
  const endRun = () => {
    for (const event of joinDeltas(run)) out.push({ ok: true, event });
    run = [];
  };
  for (let i = 0; i < events.length; i++) {
    const decoded = decodeEvent(events[i] ?? '', data[i] ?? '');
    if (decoded.ok) run.push(decoded.event);
    else {
      endRun();
      out.push(decoded);
    }
  }
  endRun();
  return out;
}

export function packMessages(events: readonly string[], data: readonly string[]): PackedMessages {
  const ends = new Uint32Array(events.length * 2);
  let text = '';
  for (let i = 0; i < events.length; i++) {
    text += events[i] ?? '';
    ends[2 * i] = text.length;
    text += data[i] ?? '';
    ends[2 * i + 1] = text.length;
  }
  return { text, ends };
}

/**
 * Visits the packed messages from number `from` on, until `stop()` says so
 * (asked every few messages) or the batch ends; returns where it stopped,
 * so a large batch can be handed on across several frames.
 */
export function unpackMessages({ text, ends }: PackedMessages, visit: (event: string, data: string) => void, from = 0, stop: () => boolean = () => false): number {
  const count = ends.length >> 1;
  let start = from === 0 ? 0 : (ends[2 * from - 1] ?? 0);
  for (let i = from; i < count; i++) {
    if (i > from && (i - from) % STOP_CHECK_EVERY === 0 && stop()) return i;
    const eventEnd = ends[2 * i] ?? start;
    const dataEnd = ends[2 * i + 1] ?? eventEnd;
    visit(text.slice(start, eventEnd), text.slice(eventEnd, dataEnd));
    start = dataEnd;
  }
  return count;
}

/** Messages between two checks of the time: a check is a clock read, a message a fraction of a microsecond. */
const STOP_CHECK_EVERY = 32;
