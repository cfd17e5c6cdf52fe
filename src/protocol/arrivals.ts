// What the transport hands the page: each SSE message decoded, with the time
// it arrived, and each run of consecutive deltas to one block joined into one
// delta. Applying the joined run is the same as applying its deltas one by
// one, but costs one new block object instead of one per token. The joining
// happens here, once, where the messages are parsed. On the page, arrivals
// wait in a queue for the next frame, which applies a frame's budget of
// content at a time, so a burst reaches the screen in pieces it can render
// between frames.
import type { StreamError } from './errors';
import { decodeEvent } from './decode';
import { compactDeltaPrefix, compactDeltaValue } from './fast-decode';
import type { StreamedMessage } from './message';
import { applyDecodeError, applyEvent } from './reduce';
import type { StreamEvent } from './wire';

export type Arrival =
  | {
      readonly ok: true;
      readonly event: StreamEvent;
      /** When it arrived, on the page's clock (ms); for a joined run, when its first delta did. */
      readonly at: number;
      /** When its last delta arrived (equal to `at` unless it is a joined run). */
      readonly lastAt: number;
      /** The SSE id of the last message it stands for, when the stream gives ids (a kept stream does). */
      readonly id?: string;
    }
  | { readonly ok: false; readonly error: Extract<StreamError, { kind: 'malformed' }>; readonly at: number; readonly id?: string };

type DeltaEvent = Extract<StreamEvent, { type: 'content_block_delta' }>;
type JoinableField = 'text' | 'thinking' | 'partial_json';

function joinableField(event: StreamEvent): JoinableField | null {
  if (event.type !== 'content_block_delta') return null;
  switch (event.delta.type) {
    case 'text_delta':
      return 'text';
    case 'thinking_delta':
      return 'thinking';
    case 'input_json_delta':
      return 'partial_json';
    default:
      return null;
  }
}

function fieldOf(event: DeltaEvent, field: JoinableField): string {
  const value = (event.delta as unknown as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : '';
}

interface Run {
  readonly head: DeltaEvent;
  readonly field: JoinableField;
  /** The compact form's text before the value, shared by the run's later deltas. */
  readonly prefix: string;
  readonly parts: string[];
  readonly at: number;
  lastAt: number;
  id: string;
}

/** The id field, left out when the stream gives none (so arrivals stay as they were without ids). */
const withId = (id: string) => (id === '' ? {} : { id });

export interface ArrivalJoiner {
  /** Decodes one SSE message that arrived at `at` and joins it to the run of deltas before it. O(message). */
  add(name: string, data: string, at: number, id?: string): void;
  /** Everything added since the last take, in order, runs joined; the joiner starts afresh. */
  take(): Arrival[];
}

export function createArrivalJoiner(): ArrivalJoiner {
  let out: Arrival[] = [];
  let run: Run | null = null;

  const closeRun = () => {
    if (run === null) return;
    const { head, field, parts, at, lastAt, id } = run;
    const event: StreamEvent = parts.length === 1 ? head : { ...head, delta: { ...head.delta, [field]: parts.join('') } as DeltaEvent['delta'] };
    out.push({ ok: true, event, at, lastAt, ...withId(id) });
    run = null;
  };

  return {
    add(name, data, at, id = '') {
      // The next delta of the run, in the API's compact form: its piece is read without decoding the event.
      const piece = run === null ? null : compactDeltaValue(data, run.prefix);
      if (run !== null && piece !== null) {
        run.parts.push(piece);
        run.lastAt = at;
        run.id = id;
        return;
      }
      const decoded = decodeEvent(name, data);
      if (!decoded.ok) {
        closeRun();
        out.push({ ok: false, error: decoded.error, at, ...withId(id) });
        return;
      }
      const event = decoded.event;
      const field = joinableField(event);
      if (field !== null && event.type === 'content_block_delta') {
        if (run !== null && run.head.index === event.index && run.head.delta.type === event.delta.type) {
          run.parts.push(fieldOf(event, field));
          run.lastAt = at;
          run.id = id;
          return;
        }
        closeRun();
        run = { head: event, field, prefix: compactDeltaPrefix(event.index, field), parts: [fieldOf(event, field)], at, lastAt: at, id };
        return;
      }
      closeRun();
      out.push({ ok: true, event, at, lastAt: at, ...withId(id) });
    },
    take() {
      closeRun();
      const taken = out;
      out = [];
      return taken;
    },
  };
}

/** Applies one arrival: the same as applying the events it stands for, one by one, at their times. */
export function applyArrival(message: StreamedMessage, arrival: Arrival): StreamedMessage {
  if (!arrival.ok) return applyDecodeError(message, arrival.error);
  const next = applyEvent(message, arrival.event, arrival.at);
  if (arrival.lastAt === arrival.at || next.status !== 'streaming' || next.timing.lastEventAt === arrival.lastAt) return next;
  return { ...next, timing: { ...next.timing, lastEventAt: arrival.lastAt } };
}

/** Characters of content an arrival brings: what rendering it costs grows with this. */
export function arrivalChars(arrival: Arrival): number {
  if (!arrival.ok) return 0;
  const field = joinableField(arrival.event);
  return field === null || arrival.event.type !== 'content_block_delta' ? 0 : fieldOf(arrival.event, field).length;
}

/** Arrivals waiting for the next frame. */
export interface ArrivalQueue {
  push(arrivals: readonly Arrival[]): void;
  /** Applies waiting arrivals in order until `budget` characters of content have been applied (at least one). */
  applyTo(message: StreamedMessage, budget: number): StreamedMessage;
  /** Characters of content waiting. */
  backlog(): number;
  /** Whether any arrival waits. */
  waiting(): boolean;
  /** The SSE id of the last arrival applied (undefined before any, or when the stream gives none). */
  appliedId(): string | undefined;
}

export function createArrivalQueue(): ArrivalQueue {
  const pending: Arrival[] = [];
  /** The content characters of each pending arrival, counted once as it comes. */
  const sizes: number[] = [];
  let next = 0;
  let backlog = 0;
  let appliedId: string | undefined;
  return {
    push(arrivals) {
      for (const arrival of arrivals) {
        const size = arrivalChars(arrival);
        pending.push(arrival);
        sizes.push(size);
        backlog += size;
      }
    },
    applyTo(message, budget) {
      let current = message;
      let chars = 0;
      while (next < pending.length && chars < budget) {
        const size = sizes[next] ?? 0;
        const arrival = pending[next++] as Arrival;
        current = applyArrival(current, arrival);
        appliedId = arrival.id ?? appliedId;
        chars += size;
        backlog -= size;
      }
      if (next === pending.length) {
        pending.length = 0;
        sizes.length = 0;
        next = 0;
      }
      return current;
    },
    backlog: () => backlog,
    waiting: () => next < pending.length,
    appliedId: () => appliedId,
  };
}
