// Where the official SDK differs from the API's documented behaviour, or from
// this app by design. Each entry names the field and the reason; nothing is
// skipped silently: the runner prints every entry it applies.
import type { Outcome } from './paths';

/** Fields the SDK adds to its final message that are not part of the wire message. */
export function withoutSdkOnlyFields(message: unknown, notes: Set<string>): unknown {
  if (message === null || typeof message !== 'object' || !('parsed_output' in message)) return message;
  notes.add('parsed_output: added by the SDK for structured outputs; not part of the API message');
  const { parsed_output: _ignored, ...rest } = message as Record<string, unknown>;
  return rest;
}

/** An event (or a cut) whose block's field is excused from the comparison. */
export interface UnreadableEvent {
  readonly name: string;
  /** The content block it was for, when its text names one. */
  readonly index: number | null;
  /** The field of that block a delta of its type adds to, when its text names the type. */
  readonly field: string | null;
}

/** The final message's field each kind of delta adds to. */
const DELTA_FIELDS: Readonly<Record<string, string>> = { text_delta: 'text', thinking_delta: 'thinking', input_json_delta: 'input', signature_delta: 'signature', citations_delta: 'citations' };

/** The SSE events of `text`, split at blank lines (LF, CRLF or CR). */
function sseEvents(text: string): string[] {
  return text.split(/(?:\r\n|\r|\n){2}/);
}

function dataOf(event: string): string | null {
  const lines = event.split(/\r\n|\r|\n/).filter((line) => line.startsWith('data:'));
  return lines.length === 0 ? null : lines.map((line) => line.slice(5).replace(/^ /, '')).join('\n');
}

function readable(data: string): boolean {
  try {
    JSON.parse(data);
    return true;
  } catch {
    return false;
  }
}

/** Events whose data is not JSON, with the block each was for. */
export function malformedEvents(text: string): UnreadableEvent[] {
  return sseEvents(text).flatMap((event) => {
    const data = dataOf(event);
    if (data === null || readable(data)) return [];
    const name = /^event: ?(.*)$/m.exec(event)?.[1]?.trim() ?? 'message';
    const index = /"index":\s*(\d+)/.exec(data)?.[1];
    const deltaType = /"delta":\s*\{\s*"type":\s*"(\w+)"/.exec(data)?.[1];
    return [{ name, index: index === undefined ? null : Number(index), field: deltaType === undefined ? null : (DELTA_FIELDS[deltaType] ?? null) }];
  });
}

/** The stream without its unreadable events: what a client that skips them should end with. */
export function withoutMalformedEvents(text: string): string {
  return text
    .split(/(?<=(?:\r\n|\r|\n){2})/)
    .filter((event) => {
      const data = dataOf(event);
      return data === null || readable(data);
    })
    .join('');
}

function fieldOf(message: unknown, index: number, field: string): unknown {
  if (message === null || typeof message !== 'object' || !('content' in message) || !Array.isArray(message.content)) return undefined;
  const block: unknown = message.content[index];
  return block !== null && typeof block === 'object' ? (block as Record<string, unknown>)[field] : undefined;
}

/**
 * What the app had received before each unreadable event, checked against
 * the SDK on the stream as sent (which stops at the first one): the SDK's
 * text of the field the event was for must begin ours. Returns the first
 * field that does not, or null. Fields that are not text (tool input, parsed
 * by each side in its own way) are left to the comparison in full.
 */
export function differenceBeforeUnreadable(ours: unknown, asSent: unknown, events: readonly UnreadableEvent[], notes: Set<string>): string | null {
  for (const event of events) {
    if (event.index === null || event.field === null) continue;
    const path = `content[${event.index}].${event.field}`;
    const received = fieldOf(asSent, event.index, event.field);
    const kept = fieldOf(ours, event.index, event.field);
    if (typeof received !== 'string') {
      notes.add(`${path}: not text, so compared in full only (no prefix check against the SDK as sent)`);
      continue;
    }
    if (typeof kept !== 'string' || !kept.startsWith(received)) {
      return `${path}: the SDK had ${JSON.stringify(received.slice(-40))} (${received.length} chars) before the unreadable event; ours does not begin with it: ${JSON.stringify(typeof kept === 'string' ? kept.slice(0, 80) : kept)}`;
    }
  }
  return null;
}

/**
 * The message without the fields the given events touched (today only tool
 * input cut off by max_tokens): an event naming its block and delta type
 * excuses that one field of that block; one naming only its block, the
 * block; one naming neither, nothing.
 */
export function withoutTouchedFields(message: unknown, events: readonly UnreadableEvent[]): unknown {
  if (message === null || typeof message !== 'object' || !('content' in message) || !Array.isArray(message.content)) return message;
  const content = message.content.map((block: unknown, index: number) => {
    const touching = events.filter((event) => event.index === index);
    if (touching.length === 0 || block === null || typeof block !== 'object') return block;
    if (touching.some((event) => event.field === null)) return { excused: 'touched by an unreadable event' };
    const rest: Record<string, unknown> = { ...(block as Record<string, unknown>) };
    for (const event of touching) if (event.field !== null) delete rest[event.field];
    return rest;
  });
  return { ...message, content };
}

/**
 * Tool input that max_tokens cut off: both keep the raw JSON, but the app
 * keeps the incomplete last value it received and the SDK's partial parser
 * drops it. Only the `input` of those blocks is excused.
 */
export function truncatedInputs(ours: Outcome, notes: Set<string>): UnreadableEvent[] {
  return (ours.truncatedToolInputs ?? []).map((index) => {
    notes.add(`content[${index}].input: tool input cut off by max_tokens; the app keeps the incomplete last value it received, the SDK partial parser drops it`);
    return { name: 'max_tokens cut', index, field: 'input' };
  });
}
