// The stream worker: runs streamMessage, fetch-event-source and its parser
// included, off the page's main thread, decodes what it parses and posts it
// in small batches, deltas joined. A fast stream then costs the page only a
// handful of events per batch, not reading, splitting and decoding the bytes
// they came in.
import type { StreamEnd } from '../protocol';
import { streamMessage } from './stream-message';
import { decodeBatch, packMessages, type FromWorker, type ToWorker, type WorkerRequest } from './worker-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  window?: unknown;
  document?: unknown;
}

const scope = globalThis as unknown as WorkerScope;
// fetch-event-source's cleanup calls window.clearTimeout and always removes
// its visibilitychange listener from document. A worker has the same timers
// on its global, and no document: the stand-in is never hidden (streams run
// with openWhenHidden) and has no events.
scope.window ??= globalThis;
scope.document ??= { hidden: false, addEventListener: () => undefined, removeEventListener: () => undefined };

const running = new Map<number, AbortController>();

scope.onmessage = ({ data: message }) => {
  switch (message.type) {
    case 'start':
      void start(message.id, message.request);
      return;
    case 'abort':
      running.get(message.id)?.abort();
      return;
    default: {
      const never: never = message;
      throw new Error(`unknown message ${String(never)}`);
    }
  }
};

async function start(id: number, request: WorkerRequest): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  const batch = batcher((events, data) => {
    const packed = packMessages(events, data);
    scope.postMessage({ type: 'batch', id, at: performance.timeOrigin + performance.now(), decoded: decodeBatch(events, data), ...packed }, [packed.ends.buffer]);
  });
  let end: StreamEnd;
  try {
    end = await streamMessage(
      { ...request, signal: controller.signal, paced: false },
      {
        onOpen: (meta) => scope.postMessage({ type: 'open', id, meta }),
        onMessage: batch.add,
      },
    );
  } catch (cause) {
    end = { kind: 'failed', error: { kind: 'network', message: cause instanceof Error ? cause.message : String(cause) } };
  } finally {
    running.delete(id);
  }
  batch.close();
  scope.postMessage({ type: 'end', id, end });
}

/** Characters of message data after which a batch is posted without waiting for the task to end. */
const BATCH_CHARS = 16 * 1024;

/**
 * Collects messages and posts them once the current task is over, or once
 * BATCH_CHARS have piled up: the page renders whole batches, so they stay
 * small enough for one frame.
 */
function batcher(post: (events: string[], data: string[]) => void) {
  let events: string[] = [];
  let data: string[] = [];
  let chars = 0;
  let scheduled = false;
  const channel = new MessageChannel();
  const flush = () => {
    if (events.length === 0) return;
    const out = [events, data] as const;
    events = [];
    data = [];
    chars = 0;
    post(...out);
  };
  channel.port1.onmessage = () => {
    scheduled = false;
    flush();
  };
  return {
    add(event: string, text: string) {
      events.push(event);
      data.push(text);
      chars += text.length;
      if (chars >= BATCH_CHARS) flush();
      if (scheduled) return;
      scheduled = true;
      channel.port2.postMessage(null);
    },
    /** Posts what is left; nothing more is added after this. */
    close() {
      flush();
      channel.port1.close();
    },
  };
}
