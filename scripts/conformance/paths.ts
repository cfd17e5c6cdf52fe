// The decoders under comparison, fed the same chunks: the app's path as the
// browser runs it (the stream service in the worker, then stream-assistant.ts
// with its arrival queue, frame batcher and reducer, into the store), the
// same with the service on the page (where no worker can start), and the
// official SDK.
import Anthropic from '@anthropic-ai/sdk';
import { streamAssistant } from '../../src/chat/stream-assistant';
import { toWireMessage } from '../../src/protocol';
import { defaultSettings, toRequestOptions } from '../../src/settings';
import { resetChatStore } from '../../src/store';
import { createStreamClient, type StreamClient, type WorkerLike } from '../../src/transport';
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

/**
 * Frames for Node, where there are none: each comes as soon as the tasks
 * before it have run, so a stream is applied in as many frames as on a page.
 */
function installFrames(): void {
  const g = globalThis as { requestAnimationFrame?: (callback: FrameRequestCallback) => number; cancelAnimationFrame?: (id: number) => void };
  g.requestAnimationFrame ??= (callback) => setTimeout(() => callback(performance.now()), 0) as unknown as number;
  g.cancelAnimationFrame ??= (id) => clearTimeout(id);
}

let answers = 0;

/**
 * The app's path: stream-assistant.ts itself, as a turn calls it, with the
 * stream client and service behind it, into the store.
 */
export async function appPath(path: AppPath, chunks: readonly Uint8Array[]): Promise<Outcome> {
  installBrowserShims();
  installFrames();
  resetChatStore();
  const fetchImpl = fakeFetch(() => ({ chunks }));
  const client: StreamClient = path === 'worker' ? createStreamClient({ spawn: () => inProcessWorker(fetchImpl) }) : createStreamClient({ fetch: fetchImpl });
  const answer = await streamAssistant(toRequestOptions(defaultSettings([]), []), [{ role: 'user', content: 'x' }], {
    signal: new AbortController().signal,
    client,
    newId: (prefix) => `${prefix}-${++answers}`,
  });
  const message = answer.stream;
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
