import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../simulator';
import { createProxyMiddleware } from './middleware';

const SENTINEL_KEY = 'sk-ant-test-SENTINEL-0123456789';
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const unusedSimulator: Simulator = {
  handle: async () => {
    throw new Error('the simulator must not answer when a key is set');
  },
  records: [],
};

/** A fake Anthropic API that streams two events and holds the last one until released. */
function fakeUpstream() {
  const seen: Array<{ url: string; headers: IncomingHttpHeaders; body: string }> = [];
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', async () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/v1/models') {
        res.writeHead(401, { 'content-type': 'application/json', 'request-id': 'req_up' });
        res.end(JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': 'req_up', 'anthropic-ratelimit-requests-remaining': '99', 'set-cookie': 'x=1' });
      res.write('event: ping\ndata: {"type": "ping"}\n\n');
      await released;
      res.end('event: message_stop\ndata: {"type":"message_stop"}\n\n');
    });
  });
  return { server, seen, release };
}

async function proxyTo(upstream: string): Promise<string> {
  const middleware = createProxyMiddleware({ apiKey: SENTINEL_KEY, upstreamBaseUrl: upstream, simulator: unusedSimulator });
  return listen(createServer((req, res) => middleware(req, res, () => res.writeHead(418).end())));
}

describe('proxy with a key', () => {
  it('injects the key, drops the client key, passes version and beta through', async () => {
    const up = fakeUpstream();
    const proxy = await proxyTo(await listen(up.server));
    up.release();
    const res = await fetch(`${proxy}/api/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': 'client-key', authorization: 'Bearer client-token', 'anthropic-version': '2026-10-21', 'anthropic-beta': 'b1', 'content-type': 'application/json' },
      body: '{"stream":true}',
    });
    await res.text();
    const sent = up.seen[0];
    expect(sent?.headers['x-api-key']).toBe(SENTINEL_KEY);
    expect(sent?.headers.authorization).toBeUndefined();
    expect(sent?.headers['anthropic-version']).toBe('2026-10-21');
    expect(sent?.headers['anthropic-beta']).toBe('b1');
    expect(sent?.body).toBe('{"stream":true}');
    expect(res.headers.get('request-id')).toBe('req_up');
    expect(res.headers.get('anthropic-ratelimit-requests-remaining')).toBe('99');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('defaults the API version when the client sends none', async () => {
    const up = fakeUpstream();
    const proxy = await proxyTo(await listen(up.server));
    up.release();
    await (await fetch(`${proxy}/api/v1/messages`, { method: 'POST', body: '{}' })).text();
    expect(up.seen[0]?.headers['anthropic-version']).toBe('2023-06-01');
  });

  it('streams without buffering: the first event arrives before the upstream sends the last', async () => {
    const up = fakeUpstream();
    const proxy = await proxyTo(await listen(up.server));
    const res = await fetch(`${proxy}/api/v1/messages`, { method: 'POST', body: '{}' });
    const reader = res.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toContain('event: ping');
    up.release();
    let rest = '';
    for (let r = await reader?.read(); r && !r.done; r = await reader?.read()) rest += new TextDecoder().decode(r.value);
    expect(rest).toContain('message_stop');
    expect(res.headers.get('content-encoding')).toBeNull();
  });

  it('passes upstream errors through without the key', async () => {
    const up = fakeUpstream();
    const proxy = await proxyTo(await listen(up.server));
    const res = await fetch(`${proxy}/api/v1/models`);
    const text = await res.text();
    expect(res.status).toBe(401);
    expect(text).toContain('authentication_error');
    expect(text).not.toContain(SENTINEL_KEY);
  });

  it('answers 502 in the API shape, without the key, when the upstream is unreachable', async () => {
    const proxy = await proxyTo('http://127.0.0.1:9');
    const res = await fetch(`${proxy}/api/v1/messages`, { method: 'POST', body: '{}' });
    const text = await res.text();
    expect(res.status).toBe(502);
    expect(JSON.parse(text)).toMatchObject({ type: 'error', error: { type: 'api_error' } });
    expect(text).not.toContain(SENTINEL_KEY);
  });

  it('answers 404 for anything but the three API routes and leaves other paths to the app', async () => {
    const up = fakeUpstream();
    const proxy = await proxyTo(await listen(up.server));
    const res = await fetch(`${proxy}/api/v1/complete`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
    expect((await fetch(`${proxy}/index.html`)).status).toBe(418);
    expect(up.seen).toHaveLength(0);
  });
});
