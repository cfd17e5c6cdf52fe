// BENCH ONLY: stands in for src/transport/stream-client.ts in the per-delta
// naive build (see build.ts). The naive client parses on the page, the way
// the app did before it had a stream worker, and hands on every message by
// itself (nothing joined), so the naive store writes and renders once per
// delta. The body is cut into small pieces with a task boundary between them,
// so that the bench can still talk to the page (read its counters, stop the
// run at its cap) while the renderer works through the stream. Must never be
// imported by src/.
import { createArrivalJoiner } from '../../src/protocol';
import { EMPTY_RAW } from '../../src/transport/recorder';
import { streamMessage } from '../../src/transport/stream-message';
import type { StreamHandlers, StreamLog, StreamRequest } from '../../src/transport/types';
import type { OpenedStream, StreamClient } from '../../src/transport/stream-client';

const PIECE_BYTES = 2048;

async function piecewiseFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  if (!response.ok || response.body === null) return response;
  const reader = response.body.getReader();
  let chunk: Uint8Array | null = null;
  let offset = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (chunk === null || offset >= chunk.length) {
          const next = await reader.read();
          if (next.done) return controller.close();
          chunk = next.value;
          offset = 0;
        }
        controller.enqueue(chunk.subarray(offset, offset + PIECE_BYTES));
        offset += PIECE_BYTES;
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function open(request: StreamRequest & { readonly signal: AbortSignal }, handlers: StreamHandlers): OpenedStream {
  const joiner = createArrivalJoiner();
  const log: StreamLog = { requestStartedAt: performance.now(), read: () => Promise.resolve(EMPTY_RAW), release: () => undefined };
  const done = streamMessage(
    { ...request, fetch: piecewiseFetch },
    {
      onOpen: handlers.onOpen,
      onMessage: (event, data) => {
        joiner.add(event, data, performance.now());
        handlers.onBatch(joiner.take());
      },
    },
  );
  return { done, log };
}

const client: StreamClient = { warmUp: () => undefined, open };

export function createStreamClient(): StreamClient {
  return client;
}

export function defaultStreamClient(): StreamClient {
  return client;
}
