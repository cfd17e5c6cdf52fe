// The key appears in no response (body or headers) and no log line, on every
// error path the proxy has. Each case provokes one path with a sentinel key.
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from './read-body';
import { closedPort, closeServersAfterEach, listenHandler, rawRequest, SENTINEL_KEY, startProxy, type TestProxy } from './test-helpers';

closeServersAfterEach();

interface Seen {
  readonly status: number | null;
  readonly text: string;
}

const raw = async (proxy: TestProxy, request: string, options = {}): Promise<Seen> => {
  const res = await rawRequest(proxy.port, [request], { timeoutMs: 3000, ...options });
  return { status: res.status, text: res.raw };
};

const viaFetch = async (proxy: TestProxy, path: string, init: RequestInit = {}): Promise<Seen> => {
  const res = await fetch(`${proxy.base}${path}`, init);
  const body = await res.text().catch(() => '');
  return { status: res.status, text: JSON.stringify([...res.headers.entries()]) + body };
};

/** An upstream that answers nothing (for 504) or breaks off mid-stream (for the broken-stream path). */
async function upstreams() {
  const silent = await listenHandler((req) => req.resume());
  const breaking = await listenHandler((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('event: ping\ndata: {"type": "ping"}\n\n');
    setTimeout(() => res.destroy(), 20);
  });
  return { silent: silent.base, breaking: breaking.base, refused: `http://127.0.0.1:${await closedPort()}` };
}

describe('the sentinel key never leaks', () => {
  it('from any error path: 403, 404, 408, 413, 431, 400, 502, 504 and a broken stream', async () => {
    const up = await upstreams();
    const proxy = await startProxy({ upstreamBaseUrl: up.refused, bodyTimeoutMs: 200 });
    const timeoutProxy = await startProxy({ upstreamBaseUrl: up.silent, upstreamTimeoutMs: 150 });
    const breakingProxy = await startProxy({ upstreamBaseUrl: up.breaking });
    const clientKey = { 'x-api-key': 'client-key', authorization: 'Bearer client' };
    const cases: Array<[number, () => Promise<Seen>]> = [
      [403, () => raw(proxy, `GET /api/v1/models HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`)],
      [403, () => raw(proxy, `GET /_app/status HTTP/1.1\r\nHost: rebind.example:${proxy.port}\r\nConnection: close\r\n\r\n`)],
      [403, () => viaFetch(proxy, '/api/v1/messages', { method: 'POST', body: '{}', headers: { origin: 'http://evil.example', ...clientKey } })],
      [403, () => viaFetch(proxy, '/api/v1/models', { headers: { 'sec-fetch-site': 'cross-site' } })],
      [404, () => viaFetch(proxy, '/api/v1/complete', { method: 'POST', body: '{}', headers: clientKey })],
      [408, () => raw(proxy, `POST /api/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{`)],
      [413, () => raw(proxy, `POST /api/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n`)],
      [413, () => viaFetch(proxy, '/api/v1/messages', { method: 'POST', body: Buffer.alloc(MAX_BODY_BYTES + 1, 0x20) })],
      [431, () => raw(proxy, `GET /api/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)],
      [400, () => raw(proxy, `GARBAGE\r\n\r\n`)],
      [502, () => viaFetch(proxy, '/api/v1/messages', { method: 'POST', body: '{}', headers: clientKey })],
      [502, () => viaFetch(proxy, '/api/v1/models')],
      [504, () => viaFetch(timeoutProxy, '/api/v1/messages', { method: 'POST', body: '{"stream":true}', headers: clientKey })],
      [504, () => viaFetch(timeoutProxy, '/api/v1/models/claude-sonnet-4-5')],
      [200, () => viaFetch(breakingProxy, '/api/v1/messages', { method: 'POST', body: '{"stream":true}' })],
      [200, () => viaFetch(proxy, '/_app/status')],
    ];
    for (const [status, run] of cases) {
      const seen = await run();
      expect(seen.status, seen.text.slice(0, 200)).toBe(status);
      expect(seen.text).not.toContain(SENTINEL_KEY);
      if (status >= 400) expect(seen.text).toMatch(/"type":"error","error":\{"type":"[a-z_]+","message":"[^"]+"/);
    }
    await expect.poll(() => breakingProxy.logs.length).toBeGreaterThan(0);
    const logs = [...proxy.logs, ...timeoutProxy.logs, ...breakingProxy.logs];
    // Every failure was logged, and no line has the key or a client-supplied credential.
    for (const code of ['408', '413', '502']) expect(proxy.logs.some((line) => line.includes(code)), code).toBe(true);
    expect(timeoutProxy.logs.filter((line) => line.includes('504'))).toHaveLength(2);
    for (const line of logs) expect(line).not.toMatch(new RegExp(`${SENTINEL_KEY}|client-key|Bearer`));
  });
});
