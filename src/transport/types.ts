// The types that cross the transport's modules and the thread boundary. A
// stream runs in a stream service: in the stream worker, or on the page where
// no worker can start. Either way the page sees the same messages.
import type { Arrival, StreamEnd } from '../protocol';
import type { RecordedRequest, RecordMarks, ReplayPiece, StreamRecord } from '../record';

export interface ResponseMeta {
  readonly status: number;
  readonly requestId: string | null;
  /** The proxy's id for a kept stream (`x-stream-id`): what a reload reattaches with. */
  readonly streamId: string | null;
  /** The headers a stream record keeps (request-id, retry-after, every anthropic-ratelimit-*...), lower-case names. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Where a kept stream was left: its id and the last event id applied (null: none yet). */
export interface ResumePoint {
  readonly streamId: string;
  readonly lastEventId: string | null;
  /**
   * When the request was sent (wall clock, ms), and when each event up to
   * `lastEventId` arrived, in ms after it (indexed by event id): a reattached
   * stream's record keeps the times its events first arrived at.
   */
  readonly sentAt?: number;
  readonly times?: ArrayLike<number>;
}

/** What the caller gets from a stream: one callback per kind of news, never throwing. */
export interface StreamHandlers {
  /** The response headers arrived with a 2xx event stream. */
  onOpen(meta: ResponseMeta): void;
  /**
   * The events that arrived since the last batch, decoded, runs of deltas joined, each with its arrival time;
   * `times`: the record's time (ms after the request was sent) of each event id since the last batch, in id
   * order, joined or not (NaN for an id that brought no message, such as a comment; empty for a stream
   * without ids): what a resume point keeps.
   */
  onBatch(arrivals: readonly Arrival[], times: Float64Array): void;
}

/** A request to open a stream: everything in it can be cloned to a worker. */
export interface StreamRequest {
  readonly url: string;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Give up when no byte arrives for this long (ms). */
  readonly stallTimeoutMs?: number;
  /** Play a recorded response instead of sending the request. */
  readonly replay?: Replay;
  /** Attach to a kept stream (after a reload) instead of sending the request; events up to its last id are recorded, not handed on. */
  readonly resume?: ResumePoint;
}

/** A recorded stream to play back through the path a live one takes; its record keeps what was recorded. */
export interface Replay extends ReplaySource {
  readonly request: RecordedRequest | null;
  readonly sentAt: number;
  /** The recorded marks: a full-speed replay keeps them (and ends at the recorded last byte). */
  readonly marks: RecordMarks;
}

/** The abort reason that lets go of a kept stream instead of stopping it (switching conversations). */
export const DETACH = 'detach';

/** How a stream ended, and when (on the page's clock: the last byte, or the moment it was stopped or failed). */
export interface StreamOutcome {
  readonly end: StreamEnd;
  readonly at: number;
}

/** A stream's record, read only when something asks (it stays where the stream ran until then). */
export interface StreamLog {
  /** When the request was sent, on the page's clock, and on the wall clock (the record's `sentAt`). */
  readonly requestStartedAt: number;
  readonly sentAt: number;
  /** The record so far; null once released (or when the stream's worker stopped). */
  read(): Promise<StreamRecord | null>;
  /** The whole record, once the stream has ended where it runs (a Stop reaches it a moment after the page). */
  readFinal(): Promise<StreamRecord | null>;
  /** Lets go of the record; a later read gets null. */
  release(): void;
}

export type ToService =
  /**
   * `timeOrigin`: the page's performance.timeOrigin, so arrival times are converted once, where messages
   * are parsed; `startedAt`: when the page sent the request, on its clock (the origin of the record's times).
   */
  | { readonly type: 'start'; readonly id: number; readonly request: StreamRequest; readonly timeOrigin: number; readonly startedAt: number; readonly sentAt: number }
  | { readonly type: 'abort'; readonly id: number }
  /** The page lets go of a kept stream without stopping it: it runs on at the proxy, followed here until it ends. */
  | { readonly type: 'detach'; readonly id: number }
  /** `seq` numbers the read (its answer carries it); `final`: answer once the stream has ended. */
  | { readonly type: 'read'; readonly id: number; readonly seq: number; readonly final?: boolean }
  | { readonly type: 'release'; readonly id: number };

export type FromService =
  | { readonly type: 'open'; readonly id: number; readonly meta: ResponseMeta }
  | { readonly type: 'batch'; readonly id: number; readonly arrivals: readonly Arrival[]; readonly times: Float64Array }
  | { readonly type: 'end'; readonly id: number; readonly end: StreamEnd; readonly at: number }
  /** A detached stream has ended at the proxy (or could not be followed): one fewer open connection. */
  | { readonly type: 'drained'; readonly id: number }
  | { readonly type: 'record'; readonly id: number; readonly seq: number; readonly record: StreamRecord | null };

/** A recorded response to play back (see replay.ts). */
export interface ReplaySource {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly pieces: readonly ReplayPiece[];
  /** `recorded`: each piece waits for its time; `full`: everything at once, stamped with its recorded time. */
  readonly timing: 'recorded' | 'full';
}

/** The stream service's side (stream-service.ts), in the worker or on the page. */
export interface ServiceOptions {
  /** Injected for tests and for running under Node. */
  readonly fetch?: typeof fetch;
  /** This thread's clock and its origin (a worker's differ from the page's). */
  readonly now?: () => number;
  readonly timeOrigin?: number;
  /** Off only to measure what recording costs (bench:protocol). */
  readonly record?: boolean;
}

/** Where the parsed messages go. Must not throw. */
export interface MessageSink {
  /** Any response's status and kept headers (see record/types.ts), before its body (an error's body comes through onChunk too). */
  onResponse?(status: number, headers: Readonly<Record<string, string>>): void;
  onOpen(meta: ResponseMeta): void;
  /** The bytes of one network read, before they are parsed. */
  onChunk?(bytes: Uint8Array): void;
  /** One SSE message with data (a blank message is dropped here), with its id ('' when it has none). */
  onMessage(event: string, data: string, id: string): void;
}

/** A request as stream-message.ts runs it: a POST, or a GET attaching to a kept stream. */
export interface RunningRequest extends StreamRequest {
  readonly signal: AbortSignal;
  /** GET attaches to a kept stream (no body); default POST. */
  readonly method?: 'GET' | 'POST';
  /** Injected for tests and for running under Node. */
  readonly fetch?: typeof fetch;
}

/** The part of a Worker the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToService): void;
  onmessage: ((event: MessageEvent<FromService>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** The page's side (stream-client.ts): what a caller of `open` gets back. */
export interface OpenedStream {
  /** Settles when the stream has ended, with how and when; after an abort at once, as `aborted`. */
  readonly done: Promise<StreamOutcome>;
  /** The raw record of the stream, read on demand. */
  readonly log: StreamLog;
}

export interface StreamClient {
  /** Starts the worker ahead of the first stream, so that stream does not wait for it to load. */
  warmUp(): void;
  /** Streams let go of (aborted with DETACH) that are still followed to their end: open connections. */
  following(): number;
  open(request: StreamRequest & { readonly signal: AbortSignal }, handlers: StreamHandlers): OpenedStream;
}

export interface ClientOptions {
  /** Starts the stream worker; without it (or once it fails) streams run on the page. */
  readonly spawn?: () => WorkerLike;
  /** Injected for tests and Node: the stream then runs on the page with this fetch. */
  readonly fetch?: typeof fetch;
  /** Off only to measure what recording costs (bench:protocol; page streams only). */
  readonly record?: boolean;
}
