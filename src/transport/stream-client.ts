// The page's side of streaming: sends a request to the stream service and
// hands what comes back to the caller's handlers, as it comes. The service
// runs in the stream worker when the page can start one, else on the page
// (Node, tests with an injected fetch, a worker that failed): the messages,
// and so the caller's code, are the same either way. When the store is
// written and the screen rendered is the caller's business (one scheduler,
// the frame batcher); the client only hands on.
import { assertNever } from '../protocol';
import { toMicros, type StreamRecord } from '../record';
import { DETACH, type ClientOptions, type FromService, type ServiceOptions, type StreamClient, type StreamHandlers, type StreamLog, type StreamOutcome, type ToService, type WorkerLike } from './types';

interface Channel {
  send(message: ToService): void;
}

interface Live {
  readonly handlers: StreamHandlers;
  readonly finish: (outcome: StreamOutcome) => void;
}

export function createStreamClient({ spawn, fetch, record }: ClientOptions = {}): StreamClient {
  const live = new Map<number, Live>();
  /** Reads waiting for their answer, by sequence number, with the stream they read. */
  const reads = new Map<number, { readonly id: number; readonly resolve: (record: StreamRecord | null) => void }>();
  let nextRead = 1;
  const followed = new Set<number>();
  /** Which channel each stream's record lives behind. */
  const homes = new Map<number, Channel>();
  let nextId = 1;

  const receive = (message: FromService) => {
    switch (message.type) {
      case 'open':
        live.get(message.id)?.handlers.onOpen(message.meta);
        return;
      case 'batch':
        live.get(message.id)?.handlers.onBatch(message.arrivals, message.times);
        return;
      case 'end':
        live.get(message.id)?.finish({ end: message.end, at: message.at });
        return;
      case 'drained':
        followed.delete(message.id);
        return;
      case 'record':
        reads.get(message.seq)?.resolve(message.record);
        reads.delete(message.seq);
        return;
      default:
        assertNever(message);
    }
  };

  const page = pageChannel(receive, { ...(fetch === undefined ? {} : { fetch }), ...(record === undefined ? {} : { record }) });
  // An injected fetch can only run on the page; once the worker fails, so does everything after.
  let spawnWorker = fetch === undefined ? spawn : undefined;
  let worker: WorkerLike | null = null;
  const workerChannel: Channel = { send: (message) => worker?.postMessage(message) };

  const connect = (): Channel => {
    if (spawnWorker === undefined) return page;
    if (worker !== null) return workerChannel;
    const started = spawnWorker();
    started.onmessage = ({ data }) => receive(data);
    started.onerror = (event) => {
      // A worker script that fails to load reports an event without a message.
      const reason = typeof event.message === 'string' && event.message !== '' ? `the stream worker stopped: ${event.message}` : 'the stream worker stopped';
      spawnWorker = undefined;
      worker = null;
      started.terminate();
      for (const stream of [...live.values()]) stream.finish({ end: { kind: 'failed', error: { kind: 'network', message: reason } }, at: performance.now() });
      for (const [id, home] of homes) {
        if (home !== workerChannel) continue;
        homes.delete(id);
        for (const [seq, read] of reads) {
          if (read.id !== id) continue;
          read.resolve(null);
          reads.delete(seq);
        }
      }
    };
    worker = started;
    return workerChannel;
  };

  const open: StreamClient['open'] = ({ signal, ...request }, handlers) => {
    const id = nextId++;
    const channel = connect();
    homes.set(id, channel);
    // To the microsecond, as the service takes arrival times: an answer and its replay read the same durations.
    const requestStartedAt = toMicros(performance.now());
    const sentAt = Date.now();
    const done = new Promise<StreamOutcome>((resolve) => {
      const finish = (outcome: StreamOutcome) => {
        if (!live.delete(id)) return;
        signal.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const onAbort = () => {
        const detach = signal.reason === DETACH;
        if (detach) followed.add(id);
        channel.send({ type: detach ? 'detach' : 'abort', id });
        finish({ end: { kind: 'aborted' }, at: performance.now() });
      };
      if (signal.aborted) {
        resolve({ end: { kind: 'aborted' }, at: requestStartedAt });
        return;
      }
      live.set(id, { handlers, finish });
      signal.addEventListener('abort', onAbort);
      channel.send({ type: 'start', id, request, timeOrigin: performance.timeOrigin, startedAt: requestStartedAt, sentAt });
    });
    const read = (final: boolean) =>
      new Promise<StreamRecord | null>((resolve) => {
        const home = homes.get(id);
        if (home === undefined) return resolve(null);
        const seq = nextRead++;
        reads.set(seq, { id, resolve });
        home.send({ type: 'read', id, seq, final });
      });
    const log: StreamLog = {
      requestStartedAt,
      sentAt,
      read: () => read(false),
      readFinal: () => read(true),
      release: () => {
        homes.get(id)?.send({ type: 'release', id });
        homes.delete(id);
      },
    };
    return { done, log };
  };

  return { warmUp: () => void connect(), following: () => followed.size, open };
}

/**
 * The stream service on the page, loaded when first needed: the worker runs
 * its own copy, so the page's is only for where no worker can start (and for
 * Node), and the first answer does not wait for it. Messages sent while it
 * loads are handed over in order. If it cannot load (the app was updated
 * while the page was open, or the network is gone), each is answered as a
 * failure and the next message tries again.
 */
export function pageChannel(
  receive: (message: FromService) => void,
  options: ServiceOptions,
  load: () => Promise<{ readonly createStreamService: (post: (message: FromService) => void, options: ServiceOptions) => (message: ToService) => void }> = () => import('./stream-service'),
): Channel {
  let service: ((message: ToService) => void) | null = null;
  let waiting: ToService[] = [];
  let loading = false;
  const start = () => {
    loading = true;
    load().then(
      ({ createStreamService }) => {
        const loaded = createStreamService(receive, options);
        service = loaded;
        for (const queued of waiting) loaded(queued);
        waiting = [];
      },
      (cause: unknown) => {
        loading = false;
        const failed = waiting;
        waiting = [];
        const message = `the stream service could not load (${cause instanceof Error ? cause.message : String(cause)}): reload the page`;
        for (const queued of failed) {
          const answer = unloaded(queued, message);
          if (answer !== null) receive(answer);
        }
      },
    );
  };
  return {
    send(message) {
      if (service !== null) return service(message);
      waiting.push(message);
      if (!loading) start();
    },
  };
}

/** The answer to a message the service never got: a stream that failed, a record that is not there. */
function unloaded(message: ToService, reason: string): FromService | null {
  switch (message.type) {
    case 'start':
      return { type: 'end', id: message.id, end: { kind: 'failed', error: { kind: 'network', message: reason } }, at: performance.now() };
    case 'read':
      return { type: 'record', id: message.id, seq: message.seq, record: null };
    case 'detach':
      return { type: 'drained', id: message.id };
    case 'abort':
    case 'release':
      return null;
    default:
      return assertNever(message);
  }
}

let pageDefault: StreamClient | null = null;

/**
 * The page's stream client (created on first use): one worker for every
 * stream of the page, as a browser keeps one connection pool.
 */
export function defaultStreamClient(): StreamClient {
  pageDefault ??= createStreamClient(
    typeof Worker === 'function' ? { spawn: () => new Worker(new URL('./stream-worker.ts', import.meta.url), { type: 'module', name: 'streams' }) } : {},
  );
  return pageDefault;
}
