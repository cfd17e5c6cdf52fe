// The stream worker: runs streamMessage, fetch-event-source and its parser
// included, off the page's main thread, and posts what it parses in one
// batch per task. A fast stream then costs the page only the events
// themselves, not reading and splitting the bytes they came in.
import type { StreamEnd } from '../protocol';
import { streamMessage } from './stream-message';
import { packMessages, type FromWorker, type ToWorker, type WorkerRequest } from './worker-protocol';

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
    scope.postMessage({ type: 'batch', id, at: performance.timeOrigin + performance.now(), ...packed }, [packed.ends.buffer]);
  });
  let end: StreamEnd;
  try {
    end = await streamMessage(
      { ...request, signal: controller.signal },
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

/** Collects messages and posts them once the current task is over: one batch per parsed chunk. */
function batcher(post: (events: string[], data: string[]) => void) {
  let events: string[] = [];
  let data: string[] = [];
  let scheduled = false;
  const channel = new MessageChannel();
  const flush = () => {
    scheduled = false;
    if (events.length === 0) return;
    const out = [events, data] as const;
    events = [];
    data = [];
    post(...out);
  };
  channel.port1.onmessage = flush;
  return {
    add(event: string, text: string) {
      events.push(event);
      data.push(text);
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
