// The only code that opens a stream. It wraps @microsoft/fetch-event-source
// (unmaintained since 2023) so that it can be replaced here alone, and turns
// its quirks into explicit behaviour:
// - it aborts and re-sends the request when the tab is hidden: a chat POST
//   must never be re-sent, so openWhenHidden is always on;
// - it retries forever on any error unless onerror throws: we always throw,
//   so a failure ends the stream and becomes a typed error;
// - an abort resolves its promise without onclose or onerror, and a signal
//   aborted before the call is ignored: we check the signal ourselves;
// - a blank line dispatches a message with no data: ignored here;
// - its default onopen checks the content type but not the status.
// It runs inside the stream service (stream-service.ts), in the worker or on
// the page; nothing else calls it.
import { fetchEventSource } from '@microsoft/fetch-event-source';
import type { StreamEnd, StreamError } from '../protocol';
import { keptResponseHeaders } from '../record';
import { toHttpError } from './http-error';
import { watchForStalls } from './stall-watch';
import { DEFAULT_STALL_TIMEOUT_MS } from './timing';
import type { MessageSink, RunningRequest } from './types';

/** Thrown inside fetch-event-source's callbacks to stop its retry loop; never escapes this module. */
class StopStream extends Error {
  constructor(readonly streamError: StreamError) {
    super('stream stopped');
  }
}

export async function streamMessage(request: RunningRequest, handlers: MessageSink): Promise<StreamEnd> {
  if (request.signal.aborted) return { kind: 'aborted' };
  // Our own controller, so a stall can end the request without looking like the user's Stop.
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  request.signal.addEventListener('abort', onAbort);
  const timeoutMs = request.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const watch = watchForStalls(timeoutMs, () => controller.abort());
  const watched: MessageSink = {
    onOpen: (meta) => {
      watch.touch();
      handlers.onOpen(meta);
    },
    ...(handlers.onChunk === undefined ? {} : { onChunk: handlers.onChunk }),
    ...(handlers.onResponse === undefined ? {} : { onResponse: handlers.onResponse }),
    onMessage: (event, data, id) => {
      watch.touch();
      handlers.onMessage(event, data, id);
    },
  };
  try {
    return await run(request, watched, controller.signal, request.fetch, () => (watch.stalled() ? { kind: 'failed', error: { kind: 'stall', seconds: Math.round(timeoutMs / 100) / 10 } } : null));
  } finally {
    watch.dispose();
    request.signal.removeEventListener('abort', onAbort);
  }
}

async function run(
  request: RunningRequest,
  handlers: MessageSink,
  signal: AbortSignal,
  fetchImpl: typeof fetch | undefined,
  stallEnd: () => StreamEnd | null,
): Promise<StreamEnd> {
  try {
    const get = request.method === 'GET';
    await fetchEventSource(request.url, {
      method: get ? 'GET' : 'POST',
      headers: { ...(get ? {} : { 'content-type': 'application/json' }), accept: 'text/event-stream', ...request.headers },
      ...(get ? {} : { body: JSON.stringify(request.body) }),
      signal,
      openWhenHidden: true,
      fetch: async (input, init) => {
        const response = await (fetchImpl ?? globalThis.fetch)(input, init);
        return handlers.onChunk === undefined ? response : tapped(response, handlers.onChunk);
      },
      onopen: async (response) => {
        const headers = keptResponseHeaders(response.headers);
        handlers.onResponse?.(response.status, headers);
        const error = await openError(response, handlers.onChunk);
        if (error !== null) throw new StopStream(error);
        handlers.onOpen({ status: response.status, requestId: response.headers.get('request-id'), streamId: response.headers.get('x-stream-id'), headers });
      },
      onmessage: (message) => {
        // After an abort nothing more may reach the caller, whatever the parser still holds.
        if (signal.aborted || (message.data === '' && message.event === '')) return;
        handlers.onMessage(message.event, message.data, message.id);
      },
      onerror: (cause: unknown) => {
        throw cause instanceof StopStream ? cause : new StopStream(networkError(cause));
      },
    });
  } catch (cause) {
    if (signal.aborted) return stallEnd() ?? { kind: 'aborted' };
    return { kind: 'failed', error: cause instanceof StopStream ? cause.streamError : networkError(cause) };
  }
  return signal.aborted ? (stallEnd() ?? { kind: 'aborted' }) : { kind: 'eof' };
}

/** Null for a 2xx event stream; else the typed error, its body shown to `onChunk` (it is part of the record). */
async function openError(response: Response, onChunk: ((bytes: Uint8Array) => void) | undefined): Promise<StreamError | null> {
  const contentType = response.headers.get('content-type') ?? '';
  if (response.ok && contentType.startsWith('text/event-stream')) return null;
  const bytes = new Uint8Array(await response.arrayBuffer().catch(() => new ArrayBuffer(0)));
  // An ok response's body already passed through the tap (see tapped).
  if (bytes.length > 0 && !response.ok) onChunk?.(bytes);
  if (response.ok) return { kind: 'unexpected_response', status: response.status, contentType };
  const bodyText = new TextDecoder().decode(bytes);
  return toHttpError({
    status: response.status,
    contentType,
    bodyText,
    requestId: response.headers.get('request-id'),
    retryAfter: response.headers.get('retry-after'),
  });
}

/** The headers the page is told about: those a stream record keeps (the rate limits among them). */

function networkError(cause: unknown): StreamError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return { kind: 'network', message: message || 'the network request failed' };
}

/** The response with each chunk of its body shown to `onChunk` on its way to the parser. */
function tapped(response: Response, onChunk: (bytes: Uint8Array) => void): Response {
  if (!response.ok || response.body === null) return response;
  const body = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        onChunk(chunk);
        controller.enqueue(chunk);
      },
    }),
  );
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
