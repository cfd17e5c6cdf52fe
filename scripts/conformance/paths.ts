// The decoders under comparison, fed the same chunks: the app's path as the
// browser runs it (the stream service in the worker, then the page's queue
// and reducer), the same service on the page (where no worker can start),
// and the official SDK.
import Anthropic from '@anthropic-ai/sdk';
import { createArrivalQueue, createStreamedMessage, endStream, toWireMessage, type StreamedMessage } from '../../src/protocol';
import { createStreamClient, FRAME_CONTENT_CHARS, type StreamClient, type WorkerLike } from '../../src/transport';
import { fakeFetch, installBrowserShims } from '../../src/transport/node-shims';
import { createStreamService } from '../../src/transport/stream-service';
import type { FromService } from '../../src/transport/types';

/** What a decoder made of a stream: the message (possibly partial) and how it ended. */
export interface Outcome {
  readonly message: unknown;
  /** 'complete', or the kind of failure: 'api:<type>' for an error event, 'incomplete', ... */
  readonly ending: string;
  /** Indexes of tool blocks whose raw input never became valid JSON (cut off by max_tokens). */
  readonly truncatedToolInputs?: readonly number[];
}

export type AppPath = 'worker' | 'page';
export const APP_PATHS: readonly AppPath[] = ['worker', 'page'];

/**
 * A worker that runs the stream service module in this process: every
 * message crosses by structured clone, as between threads.
 */
function inProcessWorker(fetchImpl: typeof fetch): WorkerLike {
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => undefined,
    postMessage: (message) => service(structuredClone(message)),
  };
  const service = createStreamService((message: FromService) => worker.onmessage?.({ data: structuredClone(message) } as MessageEvent<FromService>), { fetch: fetchImpl });
  return worker;
}

/** The app's path: the stream client and service, then the page's arrival queue and reducer, as stream-assistant.ts runs them. */
export async function appPath(path: AppPath, chunks: readonly Uint8Array[]): Promise<Outcome> {
  installBrowserShims();
  const fetchImpl = fakeFetch(() => ({ chunks }));
  const client: StreamClient = path === 'worker' ? createStreamClient({ spawn: () => inProcessWorker(fetchImpl) }) : createStreamClient({ fetch: fetchImpl });
  const queue = createArrivalQueue();
  let message: StreamedMessage = createStreamedMessage(0);
  const { done } = client.open(
    { url: 'http://conformance.invalid/v1/messages', body: {}, signal: new AbortController().signal },
    {
      onOpen: () => undefined,
      // A frame after each batch, with the page's budget.
      onBatch: (arrivals) => {
        queue.push(arrivals);
        message = queue.applyTo(message, FRAME_CONTENT_CHARS);
      },
    },
  );
  const end = await done;
  message = endStream(queue.applyTo(message, Number.POSITIVE_INFINITY), end, 0);
  const error = message.error;
  const ending = message.status === 'complete' && error === null ? 'complete' : error === null ? message.status : error.kind === 'api' ? `api:${error.type}` : error.kind;
  const truncatedToolInputs = message.blocks.flatMap((block, index) => (block.kind === 'tool_input' && block.inputError !== null ? [index] : []));
  return { message: toWireMessage(message), ending, truncatedToolInputs };
}

/** The official SDK's MessageStream over the same bytes, through its own SSE decoder. */
export async function sdkPath(chunks: readonly Uint8Array[]): Promise<Outcome> {
  const client = new Anthropic({ apiKey: 'conformance', baseURL: 'http://conformance.invalid', maxRetries: 0, fetch: fakeFetch(() => ({ chunks })) });
  const stream = client.messages.stream({ model: 'claude-conformance', max_tokens: 1024, messages: [{ role: 'user', content: 'x' }] });
  stream.on('error', () => undefined);
  // The SDK drops its snapshot when a stream fails; keep the last one to compare what was received.
  let lastSnapshot: unknown = null;
  stream.on('streamEvent', (_event, snapshot) => {
    lastSnapshot = snapshot;
  });
  try {
    const message = await stream.finalMessage();
    return { message, ending: 'complete' };
  } catch (cause) {
    const message = stream.currentMessage ?? lastSnapshot;
    if (cause instanceof Anthropic.APIError) {
      const type = (cause.error as { error?: { type?: string } } | undefined)?.error?.type ?? 'unknown';
      return { message, ending: `api:${type}` };
    }
    const text = cause instanceof Error ? cause.message : String(cause);
    if (/without producing a Message|request ended without sending any chunks/.test(text)) return { message, ending: 'incomplete' };
    if (/JSON/.test(text)) return { message, ending: 'malformed' };
    return { message, ending: `sdk-error:${text}` };
  }
}
