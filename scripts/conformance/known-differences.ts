// Where the official SDK differs from the API's documented behaviour, or from
// this app by design. Each entry names the field and the reason; nothing is
// skipped silently: the runner prints every entry it applies.
import type { Outcome } from './paths';

export interface KnownDifference {
  readonly field: string;
  readonly reason: string;
}

/** Fields the SDK adds to its final message that are not part of the wire message. */
export function withoutSdkOnlyFields(message: unknown, notes: Set<string>): unknown {
  if (message === null || typeof message !== 'object' || !('parsed_output' in message)) return message;
  notes.add('parsed_output: added by the SDK for structured outputs; not part of the API message');
  const { parsed_output: _ignored, ...rest } = message as Record<string, unknown>;
  return rest;
}

/** A difference inside tool input that max_tokens cut off: both keep the raw JSON; the best-effort value differs. */
export function explainDifference(path: string, ours: Outcome): KnownDifference | null {
  const match = /^\$\.content\.(\d+)\.input\b/.exec(path);
  if (match !== null && ours.truncatedToolInputs?.includes(Number(match[1]))) {
    return {
      field: `content[${match[1]}].input`,
      reason: 'tool input cut off by max_tokens: the app keeps the incomplete last value it received, the SDK partial parser drops it',
    };
  }
  return null;
}

export interface UnreadableEvent {
  readonly name: string;
  /** The content block it was for, when its text names one. */
  readonly index: number | null;
}

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
    return [{ name, index: index === undefined ? null : Number(index) }];
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
