// The types that cross the transport's modules and the thread boundary. A
// stream runs in a stream service: in the stream worker, or on the page where
// no worker can start. Either way the page sees the same messages.
import type { Arrival, StreamEnd } from '../protocol';

export interface ResponseMeta {
  readonly status: number;
  readonly requestId: string | null;
}

/** What the caller gets from a stream: one callback per kind of news, never throwing. */
export interface StreamHandlers {
  /** The response headers arrived with a 2xx event stream. */
  onOpen(meta: ResponseMeta): void;
  /** The events that arrived since the last batch, decoded, runs of deltas joined, each with its arrival time. */
  onBatch(arrivals: readonly Arrival[]): void;
}

/** A request to open a stream: everything in it can be cloned to a worker. */
export interface StreamRequest {
  readonly url: string;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Give up when no byte arrives for this long (ms). */
  readonly stallTimeoutMs?: number;
}

/**
 * The raw messages of one stream as received, compactly: every message's
 * event name then its data, one after the other in `text`, where each piece
 * ends in `ends` (two entries per message), and when each message arrived on
 * the page's clock in `times`.
 */
export interface RawEvents {
  readonly text: string;
  readonly ends: Uint32Array;
  readonly times: Float64Array;
}

/** A stream's raw record, read only when something asks (it stays where the stream ran until then). */
export interface StreamLog {
  /** When the request was sent, on the page's clock. */
  readonly requestStartedAt: number;
  read(): Promise<RawEvents>;
  /** Lets go of the record; a later read gets an empty one. */
  release(): void;
}

export type ToService =
  /** `timeOrigin`: the page's performance.timeOrigin, so arrival times are converted once, where messages are parsed. */
  | { readonly type: 'start'; readonly id: number; readonly request: StreamRequest; readonly timeOrigin: number }
  | { readonly type: 'abort'; readonly id: number }
  | { readonly type: 'read'; readonly id: number }
  | { readonly type: 'release'; readonly id: number };

export type FromService =
  | { readonly type: 'open'; readonly id: number; readonly meta: ResponseMeta }
  | { readonly type: 'batch'; readonly id: number; readonly arrivals: readonly Arrival[] }
  | { readonly type: 'end'; readonly id: number; readonly end: StreamEnd }
  | { readonly type: 'record'; readonly id: number; readonly raw: RawEvents };
