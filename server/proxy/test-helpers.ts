// Shared pieces of the proxy's tests: servers on 127.0.0.1:0 that are closed
// after each test, a proxy with a sentinel key whose log is captured, and a
// raw-socket client for requests fetch() refuses to send.
import { createServer, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterEach } from 'vitest';
import type { Simulator } from '../simulator';
import { createProxyServer } from './http-server';
import { createProxyMiddleware, type ProxyOptions } from './middleware';

// Built at run time so no key-shaped string sits in the source (secret scanners flag them).
export const SENTINEL_KEY = ['sk', 'ant', 'api03', 'SENTINEL-proxy-test-7d3f9b2c'].join('-');

const open: Server[] = [];

/** Registers the afterEach that closes every server a test started. */
export function closeServersAfterEach(): void {
  afterEach(async () => {
    await Promise.all(
      open.splice(0).map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    );
  });
}

export async function listen(server: Server): Promise<{ base: string; port: number }> {
  open.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { base: `http://127.0.0.1:${port}`, port };
}

export function listenHandler(handler: RequestListener): Promise<{ base: string; port: number }> {
  return listen(createServer(handler));
}

export const refusingSimulator: Simulator = {
  handle: async () => {
    throw new Error('the simulator must not answer when a key is set');
  },
  records: [],
};

export interface TestProxy {
  readonly base: string;
  readonly port: number;
  readonly logs: string[];
  readonly server: Server;
}

/** The proxy mounted like start.ts mounts it (hardened server, app fallback answering 418). */
export async function startProxy(options: Partial<ProxyOptions> = {}): Promise<TestProxy> {
  const logs: string[] = [];
  const middleware = createProxyMiddleware({
    apiKey: SENTINEL_KEY,
    upstreamBaseUrl: 'http://127.0.0.1:1',
    simulator: refusingSimulator,
    log: (line) => logs.push(line),
    ...options,
  });
  const server = createProxyServer((req, res) => middleware(req, res, () => res.writeHead(418).end('app')));
  const { base, port } = await listen(server);
  return { base, port, logs, server };
}

/** The simulator behind a plain HTTP server: an upstream that speaks the real API's protocol. */
export function simulatorUpstream(simulator: Simulator): Promise<{ base: string; port: number }> {
  return listenHandler((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void simulator.handle({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }, res);
    });
  });
}

/** A port nothing listens on (a server was there a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 1;
}

export interface RawResponse {
  readonly raw: string;
  readonly status: number | null;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The server closed the connection (as opposed to the test's own time limit). */
  readonly closed: boolean;
}

export interface RawOptions {
  /** Pause between parts, for slow-body tests. */
  readonly delayMs?: number;
  /** Give up (and destroy the socket) after this long. */
  readonly timeoutMs?: number;
  /** Half-close after the last part (a truncated request). */
  readonly end?: boolean;
}

/** Sends the parts over one TCP connection and collects whatever comes back until the server closes it. */
export function rawRequest(port: number, parts: ReadonlyArray<string | Buffer>, options: RawOptions = {}): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let closed = false;
    const timer = setTimeout(() => socket.destroy(), options.timeoutMs ?? 5000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('end', () => {
      closed = true;
      socket.end();
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(parseRaw(Buffer.concat(chunks).toString('latin1'), closed));
    });
    socket.on('connect', async () => {
      for (const part of parts) {
        if (socket.destroyed) return;
        socket.write(part);
        if (options.delayMs !== undefined) await new Promise((r) => setTimeout(r, options.delayMs));
      }
      if (options.end === true && !socket.destroyed) socket.end();
    });
  });
}

function parseRaw(raw: string, closed: boolean): RawResponse {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  const headers: IncomingHttpHeaders = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = split === -1 ? '' : raw.slice(split + 4);
  const decoded = headers['transfer-encoding'] === 'chunked' ? unchunk(body) : body;
  return { raw, status: status === undefined ? null : Number(status), headers, body: decoded, closed };
}

/** Decodes a chunked body as far as it is complete. */
function unchunk(body: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    if (eol === -1) return out;
    const size = Number.parseInt(body.slice(at, eol), 16);
    if (!Number.isFinite(size) || size === 0) return out;
    out += body.slice(eol + 2, eol + 2 + size);
    at = eol + 2 + size + 2;
  }
}

/** The API's error envelope, or null when the text is something else. */
export function apiError(text: string): { type: string; message: string } | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || !('type' in parsed) || parsed.type !== 'error' || !('error' in parsed)) return null;
    const error = parsed.error;
    if (typeof error !== 'object' || error === null || !('type' in error) || !('message' in error)) return null;
    return typeof error.type === 'string' && typeof error.message === 'string' ? { type: error.type, message: error.message } : null;
  } catch {
    return null;
  }
}
