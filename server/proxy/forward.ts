// Forwards one request to the real API and streams the answer back byte for
// byte: no buffering, no compression, and the upstream request is cancelled
// as soon as the client goes away.
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { sendApiError } from './api-error';
import { clientHeaders, upstreamHeaders } from './headers';

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
}

export async function forward(request: ForwardRequest, res: ServerResponse, options: ForwardOptions): Promise<void> {
  const controller = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) controller.abort();
  };
  res.on('close', onClose);
  try {
    const upstream = await (options.fetch ?? fetch)(`${options.upstreamBaseUrl}${request.path}`, {
      method: request.method,
      headers: upstreamHeaders(request.headers, options.apiKey),
      body: request.method === 'GET' ? undefined : request.body,
      signal: controller.signal,
    });
    res.writeHead(upstream.status, clientHeaders(upstream.headers));
    res.flushHeaders();
    if (upstream.body !== null) {
      const reader = upstream.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        res.write(value);
      }
    }
    res.end();
  } catch (cause) {
    if (controller.signal.aborted) return;
    // The message names the failure, never the request: no header (and so no key) can appear in it.
    const reason = cause instanceof Error ? cause.name : 'error';
    if (res.headersSent) res.destroy();
    else sendApiError(res, 502, 'api_error', `The proxy could not reach the Anthropic API (${reason}).`);
  } finally {
    res.off('close', onClose);
  }
}
