// The proxy as one connect-style middleware, mounted in the Vite dev server,
// in `vite preview` and in the production server alike, so the same guards
// apply everywhere: route allowlist, Host/Origin check, body limits, timeouts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Simulator } from '../simulator';
import { sendFailure, type ApiFailure } from './api-error';
import { forward } from './forward';
import { checkRequestSource } from './guard';
import { readBody, type BodyFailure } from './read-body';
import { matchRoute } from './routes';
import { requestLimits, type ProxyLimits } from './limits';
import { formatSeconds } from './upstream-errors';
import { createStreamHub, type StreamHub, type StreamHubOptions } from './stream-hub';

export interface ProxyOptions extends ProxyLimits {
  /** With a key the proxy forwards to the real API; without one the simulator answers. */
  readonly apiKey: string | null;
  readonly upstreamBaseUrl: string;
  readonly simulator: Simulator;
  readonly fetch?: typeof fetch;
  /** Host names served besides localhost, 127.0.0.1 and [::1] (ALLOWED_HOSTS). */
  readonly allowedHosts?: readonly string[];
  /** Where the proxy reports failures (default: console.warn). Lines never contain headers or bodies. */
  readonly log?: (line: string) => void;
  /** How streamed answers are kept for reattaching (see stream-hub.ts). */
  readonly streams?: StreamHubOptions;
  /** The hub itself (tests share one to look inside); default: one per middleware. */
  readonly hub?: StreamHub;
  /** STREAM_TEST_HOOKS=1: answer the test-only route that cuts a stream's connections (e2e). */
  readonly testHooks?: boolean;
}

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export function createProxyMiddleware(options: ProxyOptions): Middleware {
  const log = options.log ?? ((line: string) => console.warn(line));
  const hub = options.hub ?? createStreamHub(options.streams);
  return (req, res, next) => {
    const route = matchRoute(req.method ?? 'GET', req.url ?? '/');
    if (route.kind === 'not_ours') {
      next();
      return;
    }
    const refused = checkRequestSource(req.headers, options.allowedHosts);
    if (refused !== null) {
      sendFailure(res, refused);
      return;
    }
    switch (route.kind) {
      case 'status':
        sendJson(res, { mode: options.apiKey === null ? 'simulator' : 'anthropic' });
        return;
      case 'not_found':
        sendFailure(res, { status: 404, type: 'not_found_error', message: `No such endpoint: ${req.method ?? ''} ${route.path}.` });
        return;
      case 'stream':
        handleStream(req, res, route.method, route.id, hub);
        return;
      case 'cut_stream':
        if (options.testHooks !== true || !hub.cutReaders(route.id)) sendFailure(res, { status: 404, type: 'not_found_error', message: 'No such stream.' });
        else sendJson(res, { cut: true });
        return;
      case 'api':
        handleApi(req, res, route.path, options, hub, log).catch((error: unknown) => {
          // A bug, not a request problem: answer if we still can, and keep serving.
          log(`proxy: internal error (${error instanceof Error ? error.name : 'unknown'})`);
          sendFailure(res, { status: 500, type: 'api_error', message: 'The proxy failed while handling the request.' });
        });
        return;
      default: {
        const unreachable: never = route;
        next(unreachable);
      }
    }
  };
}

/** GET attaches to a kept stream after the client's Last-Event-ID; DELETE stops it, upstream too. */
function handleStream(req: IncomingMessage, res: ServerResponse, method: 'GET' | 'DELETE', id: string, hub: StreamHub): void {
  const missing = () => sendFailure(res, { status: 404, type: 'not_found_error', message: 'No such stream: it ended more than the retention time ago, was let go to free memory, or never existed.' });
  if (method === 'DELETE') {
    if (!hub.cancel(id)) return missing();
    res.writeHead(204, { 'cache-control': 'no-store' });
    res.end();
    return;
  }
  const header = req.headers['last-event-id'];
  const last = typeof header === 'string' && /^\d{1,9}$/.test(header.trim()) ? Number(header.trim()) : null;
  if (!hub.attach(id, last, res)) missing();
}

async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, options: ProxyOptions, hub: StreamHub, log: (line: string) => void): Promise<void> {
  const method = req.method ?? 'GET';
  const limits = requestLimits(options);
  const body = await readBody(req, { maxBytes: limits.maxBodyBytes, timeoutMs: limits.bodyTimeoutMs });
  if (!body.ok) {
    const failure = bodyFailure(body.reason, limits.maxBodyBytes, limits.bodyTimeoutMs);
    if (failure !== null) {
      log(`proxy: ${method} ${path} -> ${failure.status}: ${failure.message}`);
      sendFailure(res, failure);
    }
    return;
  }
  // The client may have left right after its body: nothing to answer.
  if (res.destroyed) return;
  const request = { method, path, headers: req.headers, body: body.body };
  const asksToStream = bodyAsksToStream(body.body);
  const streaming = isStreamingRequest(path, asksToStream);
  const answer = async (out: ServerResponse) => {
    if (options.apiKey === null) {
      await options.simulator.handle(request, out);
      return;
    }
    await forward(request, out, {
      apiKey: options.apiKey,
      upstreamBaseUrl: options.upstreamBaseUrl,
      fetch: options.fetch,
      headersTimeoutMs: streaming ? limits.upstreamTimeoutMs : limits.upstreamNonStreamingTimeoutMs,
      log,
    });
  };
  // A streamed answer is kept, so a client can reattach to it (stream-hub.ts).
  if (method === 'POST' && /^\/v1\/messages(?:\?|$)/.test(path) && asksToStream === true) await hub.start(res, answer);
  else await answer(res);
}


/** null when there is nobody left to answer. */
function bodyFailure(reason: BodyFailure, maxBytes: number, timeoutMs: number): ApiFailure | null {
  switch (reason) {
    case 'too_large':
      return { status: 413, type: 'request_too_large', message: `Request exceeds the maximum allowed number of bytes (${formatBytes(maxBytes)}).` };
    case 'timeout':
      // The rest of the body may still trickle in: close rather than read it.
      return { status: 408, type: 'invalid_request_error', message: `The request body did not arrive within ${formatSeconds(timeoutMs)}.`, close: true };
    case 'aborted':
      return null;
    default: {
      const unreachable: never = reason;
      return unreachable;
    }
  }
}

/**
 * The API sends a non-streaming Messages response's headers only when the
 * whole answer is ready, so those get the longer timeout. Everything else
 * (streams, count_tokens, models) answers headers promptly.
 */
function isStreamingRequest(path: string, asksToStream: boolean | null): boolean {
  if (!path.startsWith('/v1/messages') || path.startsWith('/v1/messages/')) return true;
  // A body that is not JSON: the API rejects it at once.
  return asksToStream !== false;
}

/** Whether a request body asks for a stream (`"stream": true`); null when it is not JSON. */
function bodyAsksToStream(body: string): boolean | null {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && 'stream' in parsed && parsed.stream === true;
  } catch {
    return null;
  }
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}

function sendJson(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(body);
}
