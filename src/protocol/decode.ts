// One SSE message (event name + data) -> a typed stream event, or a decode
// error as a value. Dispatch is on the JSON `type` (the API guarantees it
// equals the SSE event name); an event without JSON type falls back to the name.
import type { StreamError } from './errors';
import { decodeDeltaFast } from './fast-decode';
import type { StreamEvent } from './wire';

export type DecodeResult =
  | { readonly ok: true; readonly event: StreamEvent }
  | { readonly ok: false; readonly error: Extract<StreamError, { kind: 'malformed' }> };

const KNOWN_TYPES = new Set([
  'message_start',
  'content_block_start',
  'content_block_delta',
  'content_block_stop',
  'message_delta',
  'message_stop',
  'ping',
  'error',
]);

export function decodeEvent(name: string, data: string): DecodeResult {
  const fast = decodeDeltaFast(data);
  if (fast !== null) return { ok: true, event: fast };
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (cause) {
    return malformed(name, `invalid JSON: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  if (!isRecord(parsed)) return malformed(name, 'data is not a JSON object');
  const type = typeof parsed.type === 'string' ? parsed.type : name;
  if (!KNOWN_TYPES.has(type)) return { ok: true, event: { type: 'unknown', name: type, data: parsed } };
  const problem = shapeProblem(type, parsed);
  if (problem !== null) return malformed(type, problem);
  // The checks above establish the fields the reducer reads; the rest of the
  // shape is the API's contract, kept as sent.
  if (parsed.type !== type) parsed.type = type;
  return { ok: true, event: parsed as unknown as StreamEvent };
}

/** The fields the reducer relies on, per event type. */
function shapeProblem(type: string, data: Record<string, unknown>): string | null {
  switch (type) {
    case 'message_start':
      return isRecord(data.message) && Array.isArray(data.message.content) ? null : 'missing "message"';
    case 'content_block_start':
      return hasIndex(data) && isRecord(data.content_block) && typeof data.content_block.type === 'string'
        ? null
        : 'missing "index" or "content_block"';
    case 'content_block_delta':
      return hasIndex(data) && isRecord(data.delta) && typeof data.delta.type === 'string'
        ? null
        : 'missing "index" or "delta"';
    case 'content_block_stop':
      return hasIndex(data) ? null : 'missing "index"';
    case 'message_delta':
      return isRecord(data.delta) ? null : 'missing "delta"';
    case 'error':
      return isRecord(data.error) ? null : 'missing "error"';
    default:
      return null;
  }
}

function hasIndex(data: Record<string, unknown>): boolean {
  return typeof data.index === 'number' && Number.isInteger(data.index) && data.index >= 0;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(event: string, detail: string): DecodeResult {
  return { ok: false, error: { kind: 'malformed', event: event || 'message', detail } };
}
