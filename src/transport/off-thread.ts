// Streams run in a worker when the page can start one: fetch-event-source's
// byte-by-byte parser and its per-line decoding then cost the page nothing,
// and a fast stream leaves the main thread to rendering. What the worker
// parses comes back in batches; they are handed on and rendered once per
// frame, a budgeted share at a time, so a burst of batches cannot freeze the
// page either.
//
// Without a worker (Node, tests with an injected fetch, a worker that failed
// to start) the same stream runs on this thread: see stream-message.ts.
import type { StreamEnd } from '../protocol';
import { yieldTask } from './paced-body';
import { streamMessage, type StreamHandlers, type StreamRequest } from './stream-message';
import { unpackMessages, type FromWorker, type ToWorker } from './worker-protocol';

/** The part of a Worker the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface StreamWorkerClient {
  /** Starts the worker ahead of the first stream, so that stream does not wait for it to load. */
  warmUp(): void;
  /** False once the worker has failed: streams then run on the page. */
  available(): boolean;
  stream(request: StreamRequest, handlers: StreamHandlers): Promise<StreamEnd>;
}

/** The page's frames, as the client sees them (a fake in tests). */
export interface FrameClock {
  now(): number;
  /** Time to spend handing messages on per frame (ms); handing on is cheap, rendering what they bring is not. */
  readonly budgetMs: number;
  /**
   * At most this many characters of message data per frame. A round's
   * rendering is bounded by the screen (blocks that will be out of view start
   * as plain text, see markdown/deferral.ts), but unpacking and splitting
   * still grow with what it brings; and each round costs a frame's fixed
   * work, so fewer, larger rounds finish a burst sooner.
   */
  readonly roundChars: number;
  /** Resolves once the next frame has been painted (or soon, in a hidden tab). */
  afterPaint(): Promise<void>;
}

export const PAGE_FRAMES: FrameClock = { now: () => performance.now(), budgetMs: 1, roundChars: 256 * 1024, afterPaint: yieldTask };

export function createStreamWorkerClient(spawn: () => WorkerLike, clock: FrameClock = PAGE_FRAMES): StreamWorkerClient {
  let worker: WorkerLike | null = null;
  let failure: string | null = null;
  let nextId = 1;
  const live = new Map<number, { readonly receive: (message: FromWorker) => void; readonly fail: (reason: string) => void }>();

  const connect = (): WorkerLike => {
    if (worker !== null) return worker;
    const started = spawn();
    started.onmessage = ({ data }) => live.get(data.id)?.receive(data);
    started.onerror = (event) => {
      // A worker script that fails to load reports an event without a message.
      failure = typeof event.message === 'string' && event.message !== '' ? `the stream worker stopped: ${event.message}` : 'the stream worker stopped';
      worker = null;
      started.terminate();
      for (const stream of [...live.values()]) stream.fail(failure);
    };
    worker = started;
    return started;
  };

  const stream = (request: StreamRequest, handlers: StreamHandlers): Promise<StreamEnd> => {
    if (request.signal.aborted) return Promise.resolve({ kind: 'aborted' });
    const target = connect();
    const id = nextId++;
    return new Promise<StreamEnd>((resolve) => {
      const queue: FromWorker[] = [];
      let head = 0;
      /** Characters of message data handed on in this round. */
      let roundChars = 0;
      /** How many messages of the batch at the head of the queue have been handed on. */
      let batchPosition = 0;
      let pumping = false;
      let done = false;

      const finish = (end: StreamEnd) => {
        if (done) return;
        done = true;
        live.delete(id);
        request.signal.removeEventListener('abort', onAbort);
        resolve(end);
      };
      const onAbort = () => {
        target.postMessage({ type: 'abort', id });
        finish({ kind: 'aborted' });
      };
      /** Hands on the message, or as much of a batch as the frame's budget allows; true when it is all done. */
      const handle = (message: FromWorker, overBudget: () => boolean): boolean => {
        switch (message.type) {
          case 'open':
            handlers.onOpen(message.meta);
            return true;
          case 'batch': {
            const at = message.at - performance.timeOrigin;
            if (handlers.onDecoded !== undefined) {
              roundChars += message.text.length;
              if (!done) handlers.onDecoded(message, message.decoded, at);
              return true;
            }
            const count = message.ends.length >> 1;
            batchPosition = unpackMessages(message, (event, data) => {
              roundChars += data.length;
              if (!done) handlers.onMessage(event, data, at);
            }, batchPosition, overBudget);
            if (batchPosition < count) return false;
            batchPosition = 0;
            return true;
          }
          case 'end':
            finish(message.end);
            return true;
          default: {
            const never: never = message;
            throw new Error(`unknown message ${String(never)}`);
          }
        }
      };
      // One round per frame: hand on what has arrived (up to the budget), render it in this task, and wait
      // until the frame showing it has been painted before the next round. The frame itself then only lays out
      // and paints, and messages arriving meanwhile wait in the queue.
      const pump = async () => {
        pumping = true;
        while (!done && head < queue.length) {
          const started = clock.now();
          roundChars = 0;
          const overBudget = () => roundChars >= clock.roundChars || clock.now() - started >= clock.budgetMs;
          while (!done && head < queue.length && !overBudget()) {
            const next = queue[head];
            if (next === undefined || handle(next, overBudget)) head += 1;
          }
          if (done) break;
          handlers.onPause?.();
          await clock.afterPaint();
        }
        queue.length = 0;
        head = 0;
        pumping = false;
      };

      live.set(id, {
        receive: (message) => {
          if (done) return;
          queue.push(message);
          if (!pumping) void pump();
        },
        fail: (reason) => finish({ kind: 'failed', error: { kind: 'network', message: reason } }),
      });
      request.signal.addEventListener('abort', onAbort);
      const { url, body, headers, stallTimeoutMs } = request;
      target.postMessage({ type: 'start', id, request: { url, body, ...(headers === undefined ? {} : { headers }), ...(stallTimeoutMs === undefined ? {} : { stallTimeoutMs }) } });
    });
  };

  return { warmUp: () => void connect(), available: () => failure === null, stream };
}

const shared: StreamWorkerClient | null =
  typeof Worker === 'function' ? createStreamWorkerClient(() => new Worker(new URL('./stream-worker.ts', import.meta.url), { type: 'module', name: 'streams' })) : null;

/**
 * Opens a stream: in the stream worker when there is one, else on this
 * thread. An injected fetch (tests, Node) always runs here.
 */
export function openStream(request: StreamRequest, handlers: StreamHandlers): Promise<StreamEnd> {
  return request.fetch === undefined && shared?.available() === true ? shared.stream(request, handlers) : streamMessage(request, handlers);
}

/** Loads the stream worker while the page is idle. */
export function warmUpStreams(): void {
  if (shared?.available() === true) shared.warmUp();
}
