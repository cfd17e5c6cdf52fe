import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { describe, expect, it } from 'vitest';
import { closedPort, closeServersAfterEach, listen as listenServer, rawRequest, SENTINEL_KEY, startProxy } from './test-helpers';

closeServersAfterEach();

async function listen(server: Server): Promise<string> {
  return (await listenServer(server)).base;
}

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
  return (await startProxy({ upstreamBaseUrl: upstream })).base;
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
    const proxy = await startProxy({ upstreamBaseUrl: `http://127.0.0.1:${await closedPort()}` });
    const res = await fetch(`${proxy.base}/api/v1/messages`, { method: 'POST', body: '{}' });
    const text = await res.text();
    expect(res.status).toBe(502);
    expect(JSON.parse(text)).toMatchObject({ type: 'error', error: { type: 'api_error', message: 'The proxy could not reach the Anthropic API (ECONNREFUSED).' } });
    expect(text).not.toContain(SENTINEL_KEY);
    expect(proxy.logs.join('\n')).toContain('502');
    expect(proxy.logs.join('\n')).not.toContain(SENTINEL_KEY);
  });

  it('drops the client key, cookies, hop-by-hop and forwarding headers on the wire', async () => {
    const up = fakeUpstream();
    up.release();
    const upstream = await listenServer(up.server);
    const proxy = await startProxy({ upstreamBaseUrl: upstream.base });
    const body = '{"stream":true}';
    const request = [
      'POST /api/v1/messages HTTP/1.1',
      `Host: 127.0.0.1:${proxy.port}`,
      'X-Api-Key: client-key',
      'Authorization: Bearer client-token',
      'Cookie: session=client-cookie',
      'Connection: close, x-hop-marker',
      'X-Hop-Marker: hop-marker',
      'Keep-Alive: timeout=999',
      'Proxy-Authorization: Basic cHJveHk=',
      'TE: trailers',
      'Trailer: x-late-marker',
      'Upgrade: websocket',
      'X-Forwarded-For: 10.9.9.9',
      'Anthropic-Dangerous-Direct-Browser-Access: true',
      'Content-Type: text/plain',
      `Content-Length: ${body.length}`,
      '',
      body,
    ].join('\r\n');
    const res = await rawRequest(proxy.port, [request]);
    expect(res.status).toBe(200);
    const sent = up.seen[0];
    expect(sent?.body).toBe(body);
    expect(sent?.headers['x-api-key']).toBe(SENTINEL_KEY);
    expect(sent?.headers['content-type']).toBe('application/json');
    const wire = JSON.stringify(sent?.headers);
    for (const marker of ['client-key', 'client-token', 'client-cookie', 'hop-marker', 'x-hop-marker', '999', 'cHJveHk', 'trailers', 'x-late-marker', 'websocket', '10.9.9.9', 'dangerous', 'text/plain']) {
      expect(wire, marker).not.toContain(marker);
    }
    for (const name of ['authorization', 'cookie', 'proxy-authorization', 'te', 'trailer', 'upgrade', 'x-forwarded-for', 'keep-alive']) {
      expect(sent?.headers[name], name).toBeUndefined();
    }
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

  it('takes the upstream origin from configuration only, whatever the request says', async () => {
    const up = fakeUpstream();
    up.release();
    const upstream = await listenServer(up.server);
    const proxy = await startProxy({ upstreamBaseUrl: upstream.base });
    const head = (target: string, extra: string) => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nConnection: close\r\n${extra}\r\n`;
    // Forwarding headers and a URL in the query change nothing: the request still goes to the configured upstream.
    const forwarded = await rawRequest(proxy.port, [head('/api/v1/models?url=http://evil.example/', 'X-Forwarded-Host: evil.example\r\nForwarded: host=evil.example\r\n')]);
    expect(forwarded.status).toBe(200);
    expect(up.seen.map((s) => s.url)).toEqual(['/v1/models?url=http://evil.example/']);
    // An absolute-form target naming another host is not an API request at all.
    const absolute = await rawRequest(proxy.port, [head('http://evil.example/api/v1/models', '')]);
    expect(absolute.status).toBe(418);
    expect(up.seen).toHaveLength(1);
  });
});
