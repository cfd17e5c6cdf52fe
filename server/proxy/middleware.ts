// The proxy as one connect-style middleware, mounted in the Vite dev server,
// in `vite preview` and in the production server alike.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Simulator } from '../simulator';
import { sendApiError } from './api-error';
import { forward } from './forward';
import { readBody } from './read-body';
import { matchRoute } from './routes';

export interface ProxyOptions {
  /** With a key the proxy forwards to the real API; without one the simulator answers. */
  readonly apiKey: string | null;
  readonly upstreamBaseUrl: string;
  readonly simulator: Simulator;
  readonly fetch?: typeof fetch;
}

export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export function createProxyMiddleware(options: ProxyOptions): Middleware {
  return (req, res, next) => {
    const route = matchRoute(req.method ?? 'GET', req.url ?? '/');
    switch (route.kind) {
      case 'not_ours':
        next();
        return;
      case 'status':
        sendJson(res, { mode: options.apiKey === null ? 'simulator' : 'anthropic' });
        return;
      case 'not_found':
        sendApiError(res, 404, 'not_found_error', `No such endpoint: ${req.method} ${route.path}.`);
        return;
      case 'api':
        void handleApi(req, res, route.path, options);
        return;
      default: {
        const unreachable: never = route;
        next(unreachable);
      }
    }
  };
}

async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, options: ProxyOptions): Promise<void> {
  const body = await readBody(req);
  if (!body.ok) {
    if (body.reason === 'too_large') sendApiError(res, 413, 'request_too_large', 'Request exceeds the maximum allowed number of bytes (32 MB).');
    return;
  }
  const request = { method: req.method ?? 'GET', path, headers: req.headers, body: body.body };
  if (options.apiKey === null) {
    await options.simulator.handle(request, res);
    return;
  }
  await forward(request, res, { apiKey: options.apiKey, upstreamBaseUrl: options.upstreamBaseUrl, fetch: options.fetch });
}

function sendJson(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(body);
}
