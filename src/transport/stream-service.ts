// The stream service: opens streams, parses and decodes what they bring, and
// hands it on in batches, each event with its arrival time on the page's
// clock; it keeps each stream's raw record until asked for it or told to let
// go. The same code runs in the stream worker (stream-worker.ts) and, where
// no worker can start, on the page (stream-client.ts), and under Node in the
// conformance runner: there is one path.
import { assertNever, createArrivalJoiner, type Arrival, type StreamEnd } from '../protocol';
import { createRecorder, EMPTY_RAW, type Recorder } from './recorder';
import { streamMessage } from './stream-message';
import { BATCH_CHARS } from './timing';
import type { FromService, StreamRequest, ToService } from './types';

export interface ServiceOptions {
  /** Injected for tests and for running under Node. */
  readonly fetch?: typeof fetch;
  /** This thread's clock and its origin (a worker's differ from the page's). */
  readonly now?: () => number;
  readonly timeOrigin?: number;
}

/** Takes the page's messages; answers through `post`. */
export type StreamService = (message: ToService) => void;

export function createStreamService(post: (message: FromService) => void, options: ServiceOptions = {}): StreamService {
  const now = options.now ?? (() => performance.now());
  const timeOrigin = options.timeOrigin ?? performance.timeOrigin;
  const running = new Map<number, AbortController>();
  const records = new Map<number, Recorder>();

  const start = async (id: number, request: StreamRequest, pageTimeOrigin: number): Promise<void> => {
    const controller = new AbortController();
    running.set(id, controller);
    const recorder = createRecorder();
    records.set(id, recorder);
    const batches = createBatcher((arrivals) => post({ type: 'batch', id, arrivals }));
    const toPageClock = timeOrigin - pageTimeOrigin;
    /** When the chunk being parsed arrived, on the page's clock: the arrival time of the messages it completes. */
    let chunkAt = now() + toPageClock;
    let end: StreamEnd;
    try {
      end = await streamMessage(
        { ...request, signal: controller.signal, ...(options.fetch === undefined ? {} : { fetch: options.fetch }) },
        {
          onOpen: (meta) => post({ type: 'open', id, meta }),
          onChunk: (bytes) => {
            chunkAt = now() + toPageClock;
            recorder.addChunk(bytes, chunkAt);
          },
          onMessage: (event, data) => batches.add(event, data, chunkAt),
        },
      );
    } catch (cause) {
      end = { kind: 'failed', error: { kind: 'network', message: cause instanceof Error ? cause.message : String(cause) } };
    } finally {
      running.delete(id);
    }
    batches.close();
    post({ type: 'end', id, end });
  };

  return (message) => {
    switch (message.type) {
      case 'start':
        void start(message.id, message.request, message.timeOrigin);
        return;
      case 'abort':
        running.get(message.id)?.abort();
        return;
      case 'read':
        post({ type: 'record', id: message.id, raw: records.get(message.id)?.snapshot() ?? EMPTY_RAW });
        return;
      case 'release':
        records.delete(message.id);
        return;
      default:
        assertNever(message);
    }
  };
}

/**
 * Decodes and joins messages as they come, and hands them on once the task
 * that parsed them is over, or once BATCH_CHARS of data have piled up.
 */
function createBatcher(emit: (arrivals: Arrival[]) => void) {
  const joiner = createArrivalJoiner();
  let chars = 0;
  let scheduled = false;
  const channel = new MessageChannel();
  const flush = () => {
    chars = 0;
    const arrivals = joiner.take();
    if (arrivals.length > 0) emit(arrivals);
  };
  channel.port1.onmessage = () => {
    scheduled = false;
    flush();
  };
  return {
    add(event: string, data: string, at: number) {
      joiner.add(event, data, at);
      chars += data.length;
      if (chars >= BATCH_CHARS) flush();
      if (scheduled) return;
      scheduled = true;
      channel.port2.postMessage(null);
    },
    /** Hands on what is left; nothing is added after this. */
    close() {
      flush();
      channel.port1.close();
    },
  };
}
