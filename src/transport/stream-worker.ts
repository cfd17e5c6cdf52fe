// The stream worker: runs the stream service off the page's main thread, so
// fetch-event-source's byte-by-byte parser and the decoding cost the page
// nothing; the page gets a handful of joined events per batch.
import { createStreamService } from './stream-service';
import type { FromService, ToService } from './types';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToService>) => void) | null;
  postMessage(message: FromService): void;
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

const service = createStreamService((message) => scope.postMessage(message));
scope.onmessage = ({ data }) => service(data);
