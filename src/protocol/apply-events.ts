// Applies a batch of events (everything that arrived since the last frame)
// with the same result as applying them one by one, but a run of
// consecutive deltas to one block is joined and applied once: one new block
// object per frame instead of one per token when deltas outrun the screen.
import type { StreamedMessage } from './message';
import { applyEvent } from './reduce';
import type { StreamEvent } from './wire';

export interface TimedEvent {
  readonly event: StreamEvent;
  /** Arrival time on the caller's clock (ms). */
  readonly at: number;
}

type DeltaEvent = Extract<StreamEvent, { type: 'content_block_delta' }>;
const JOINABLE: Readonly<Record<string, string>> = { text_delta: 'text', thinking_delta: 'thinking', input_json_delta: 'partial_json' };

export function applyEvents(message: StreamedMessage, events: readonly TimedEvent[]): StreamedMessage {
  let current = message;
  let i = 0;
  while (i < events.length) {
    const first = events[i] as TimedEvent;
    const end = runEnd(events, i, eventOfTimed);
    if (end - i < 2) {
      current = applyEvent(current, first.event, first.at);
      i += 1;
      continue;
    }
    const last = events[end - 1] as TimedEvent;
    current = applyEvent(current, joinRun(events, i, end, eventOfTimed), first.at);
    if (current.timing.lastEventAt !== last.at && current.status === 'streaming') {
      current = { ...current, timing: { ...current.timing, lastEventAt: last.at } };
    }
    i = end;
  }
  return current;
}

/**
 * The same events with each run of consecutive deltas to one block joined
 * into one delta: applying the result is the same as applying `events`.
 * Lets a batch cross a thread boundary as a handful of events.
 */
export function joinDeltas(events: readonly StreamEvent[]): StreamEvent[] {
  const joined: StreamEvent[] = [];
  let i = 0;
  while (i < events.length) {
    const end = runEnd(events, i, itself);
    joined.push(end - i < 2 ? (events[i] as StreamEvent) : joinRun(events, i, end, itself));
    i = end;
  }
  return joined;
}

const eventOfTimed = (item: TimedEvent): StreamEvent => item.event;
const itself = (event: StreamEvent): StreamEvent => event;

function joinableField(event: StreamEvent): string | undefined {
  return event.type === 'content_block_delta' ? JOINABLE[event.delta.type] : undefined;
}

/** The end (exclusive) of the run of same-type deltas to the same block starting at `start`. */
function runEnd<T>(items: readonly T[], start: number, eventOf: (item: T) => StreamEvent): number {
  const head = eventOf(items[start] as T);
  const field = joinableField(head);
  if (field === undefined || head.type !== 'content_block_delta') return start + 1;
  let end = start + 1;
  for (; end < items.length; end++) {
    const next = eventOf(items[end] as T);
    if (next.type !== 'content_block_delta' || next.index !== head.index || next.delta.type !== head.delta.type) break;
  }
  return end;
}

function joinRun<T>(items: readonly T[], start: number, end: number, eventOf: (item: T) => StreamEvent): DeltaEvent {
  const head = eventOf(items[start] as T) as DeltaEvent;
  const field = joinableField(head) as string;
  const parts: string[] = [];
  for (let k = start; k < end; k++) {
    const delta = (eventOf(items[k] as T) as DeltaEvent).delta as unknown as Record<string, string>;
    parts.push(delta[field] ?? '');
  }
  return { ...head, delta: { ...head.delta, [field]: parts.join('') } as DeltaEvent['delta'] };
}
