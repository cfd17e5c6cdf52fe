// The exact record of one request and its streamed response: what was sent,
// what came back byte for byte (as text), and when each event arrived.
// Compact by design: one string and one typed array, never an object per
// event, so a long answer's record costs about its own size.
import type { StreamEnd } from '../protocol';

export const RECORD_VERSION = 1;

export interface RecordedRequest {
  readonly method: string;
  /** The API path, as the official SDK would call it (`/v1/messages`). */
  readonly path: string;
  /** `anthropic-version` and `anthropic-beta`, when sent. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body as sent, with each base64 attachment replaced by a summary (see request-summary.ts). */
  readonly body: unknown;
}

export interface RecordedResponse {
  readonly status: number;
  /** The headers worth keeping: request-id, content-type, retry-after, every anthropic-ratelimit-*. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Milliseconds since the request was sent; null when it never happened. */
export interface RecordMarks {
  readonly firstByte: number | null;
  readonly firstContentDelta: number | null;
  readonly lastByte: number | null;
}

export interface StreamRecord {
  readonly version: typeof RECORD_VERSION;
  /** Wall-clock time the request was sent (ms since the epoch). */
  readonly sentAt: number;
  readonly request: RecordedRequest | null;
  /** Null when no response came (a network failure before the headers). */
  readonly response: RecordedResponse | null;
  /** The response body exactly as received, UTF-8 decoded once: the event stream, or an HTTP error's body. */
  readonly body: string;
  /** When each message of the stream arrived (ms since sent), one per message that carries an event or data. */
  readonly times: Float64Array;
  readonly marks: RecordMarks;
  /** How the stream ended; null while it runs. */
  readonly end: StreamEnd | null;
}

/** The headers a record keeps from a response. */
export function keptResponseHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'request-id' || lower === 'content-type' || lower === 'retry-after' || lower.startsWith('anthropic-ratelimit-');
}

/** A response's kept headers, lower-case names. */
export function keptResponseHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (keptResponseHeader(name)) out[name] = value;
  });
  return out;
}

export const EMPTY_MARKS: RecordMarks = { firstByte: null, firstContentDelta: null, lastByte: null };

/**
 * Times are kept to the microsecond, so a record written to a file and read
 * back is the same record; times on the page are taken to the microsecond
 * too, so an answer and its replay read the same durations.
 */
export const toMicros = (ms: number): number => Math.round(ms * 1000) / 1000;
