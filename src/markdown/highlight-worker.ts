// The highlight worker: highlight.js runs here, so a large code block costs
// the page only inserting the result, not a long task of highlighting it.
import { warmUpCore } from './highlight';
import { createHighlightQueue, type FromHighlighter, type ToHighlighter } from './highlight-queue';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToHighlighter>) => void) | null;
  postMessage(message: FromHighlighter): void;
}

const scope = globalThis as unknown as WorkerScope;
const queue = createHighlightQueue((message) => scope.postMessage(message));
scope.onmessage = ({ data }) => queue.receive(data);
// The worker is started while the page is idle: core is ready before the first code block.
warmUpCore();
