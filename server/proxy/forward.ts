// Forwards one request to the real API and streams the answer back byte for
// byte: no buffering, no compression, backpressure from the client reaches the
// upstream, and the upstream request is cancelled as soon as the client goes
// away. An upstream that sends no headers within the timeout gets a 504; once
// headers have arrived a stream may run as long as it likes (long answers are
// legitimate, and a stalled stream is the client's to judge).
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { sendFailure } from './api-error';
import { clientHeaders, upstreamHeaders } from './headers';
import { describeUpstreamError, isHeadersTimeout, upstreamTimeout, upstreamUnreachable } from './upstream-errors';

export interface ForwardRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface ForwardOptions {
  readonly apiKey: string;
  readonly upstreamBaseUrl: string;
  readonly fetch?: typeof fetch;
  /** Time allowed for connecting and receiving the response headers; default 60 s. */
  readonly headersTimeoutMs?: number;
  /** Where failures are reported; lines never contain headers or bodies. */
  readonly log?: (line: string) => void;
}

export const DEFAULT_UPSTREAM_TIMEOUT_MS = 60_000;

export async function forward(request: ForwardRequest, res: ServerResponse, options: ForwardOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.headersTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const controller = new AbortController();
  let clientGone = false;
  let timedOut = false;
  const onClose = () => {
    if (res.writableFinished) return;
    clientGone = true;
    controller.abort();
  };
  // The client may have left before we got here; its 'close' would never come again.
  if (res.destroyed) return;
  res.on('close', onClose);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const what = `${request.method} ${request.path.split('?')[0] ?? ''}`;
  try {
    let upstream: Response;
    try {
      upstream = await (options.fetch ?? fetch)(`${options.upstreamBaseUrl}${request.path}`, {
        method: request.method,
        headers: upstreamHeaders(request.headers, options.apiKey),
        body: request.method === 'GET' ? undefined : request.body,
        signal: controller.signal,
      });
    } catch (cause) {
      if (clientGone) return;
      const failure = timedOut || isHeadersTimeout(cause) ? upstreamTimeout(timeoutMs) : upstreamUnreachable(cause);
      log(`proxy: ${what} -> ${failure.status}: ${failure.message}`);
      sendFailure(res, failure);
      return;
    } finally {
      clearTimeout(timer);
    }
    res.writeHead(upstream.status, clientHeaders(upstream.headers));
    res.flushHeaders();
    const outcome = upstream.body === null ? RELAYED : await relay(upstream.body, res);
    switch (outcome.kind) {
      case 'done':
        res.end();
        return;
      case 'client_gone':
        return;
      case 'upstream_broke':
        if (clientGone) return;
        log(`proxy: ${what}: the upstream response broke off (${outcome.reason})`);
        // Headers are out: cutting the connection is how the client learns the stream is incomplete.
        res.destroy();
        return;
      default: {
        const unreachable: never = outcome;
        return unreachable;
      }
    }
  } finally {
    res.off('close', onClose);
  }
}

type RelayOutcome = { readonly kind: 'done' } | { readonly kind: 'client_gone' } | { readonly kind: 'upstream_broke'; readonly reason: string };
const RELAYED: RelayOutcome = { kind: 'done' };

/** Copies the body to the client, waiting for the client whenever its buffer is full. */
async function relay(body: ReadableStream<Uint8Array>, res: ServerResponse): Promise<RelayOutcome> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return RELAYED;
      if (!res.write(value) && !(await drained(res))) return { kind: 'client_gone' };
    }
  } catch (cause) {
    return { kind: 'upstream_broke', reason: describeUpstreamError(cause) };
  } finally {
    reader.releaseLock();
  }
}

/** Waits until the client has taken what was written; false if it went away meanwhile. */
function drained(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    if (res.destroyed) {
      resolve(false);
      return;
    }
    const finish = (ok: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onGone);
      resolve(ok);
    };
    const onDrain = () => finish(true);
    const onGone = () => finish(false);
    res.on('drain', onDrain);
    res.on('close', onGone);
  });
}
