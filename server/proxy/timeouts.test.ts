import { describe, expect, it } from 'vitest';
import { apiError, closedPort, closeServersAfterEach, listenHandler, SENTINEL_KEY, startProxy } from './test-helpers';

closeServersAfterEach();

/** An upstream that reads the request and then says nothing at all. */
async function silentUpstream() {
  let aborted = 0;
  const { base } = await listenHandler((req, res) => {
    req.resume();
    res.on('close', () => aborted++);
  });
  return { base, aborted: () => aborted };
}

describe('upstream timeouts', () => {
  it('answers 504 timeout_error when the upstream sends no headers in time, and drops the upstream request', async () => {
    const up = await silentUpstream();
    const proxy = await startProxy({ upstreamBaseUrl: up.base, upstreamTimeoutMs: 200 });
    const started = Date.now();
    const res = await fetch(`${proxy.base}/api/v1/messages`, { method: 'POST', body: '{"stream":true}' });
    const text = await res.text();
    expect(res.status).toBe(504);
    expect(apiError(text)).toEqual({ type: 'timeout_error', message: 'The Anthropic API did not answer within 200 ms.' });
    expect(Date.now() - started).toBeLessThan(1500);
    await expect.poll(up.aborted, { timeout: 1000 }).toBe(1);
    expect(text + proxy.logs.join('\n')).not.toContain(SENTINEL_KEY);
  });

  it('times out GET /v1/models and count_tokens with the same limit', async () => {
    const up = await silentUpstream();
    const proxy = await startProxy({ upstreamBaseUrl: up.base, upstreamTimeoutMs: 150 });
    expect((await fetch(`${proxy.base}/api/v1/models`)).status).toBe(504);
    expect((await fetch(`${proxy.base}/api/v1/messages/count_tokens`, { method: 'POST', body: '{}' })).status).toBe(504);
  });

  it('gives non-streaming Messages the longer limit, since their headers come with the whole answer', async () => {
    const { base } = await listenHandler((req, res) => {
      req.resume();
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"type":"message"}'), 400);
    });
    const proxy = await startProxy({ upstreamBaseUrl: base, upstreamTimeoutMs: 100, upstreamNonStreamingTimeoutMs: 2000 });
    const slow = await fetch(`${proxy.base}/api/v1/messages`, { method: 'POST', body: '{"stream":false}' });
    expect(slow.status).toBe(200);
    expect(await slow.text()).toBe('{"type":"message"}');
    const stream = await fetch(`${proxy.base}/api/v1/messages`, { method: 'POST', body: '{"stream":true}' });
    expect(stream.status).toBe(504);
  });

  it('sets no overall limit on a stream once its headers have arrived', async () => {
    const { base } = await listenHandler(async (req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (let i = 0; i < 6; i++) {
        res.write(`event: ping\ndata: {"type": "ping"}\n\n`);
        await new Promise((r) => setTimeout(r, 100));
      }
      res.end('event: message_stop\ndata: {"type":"message_stop"}\n\n');
    });
    const proxy = await startProxy({ upstreamBaseUrl: base, upstreamTimeoutMs: 150 });
    const res = await fetch(`${proxy.base}/api/v1/messages`, { method: 'POST', body: '{"stream":true}' });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text.match(/event: ping/g)).toHaveLength(6);
    expect(text).toContain('message_stop');
  });

  it('answers 502 with the system error code when the upstream refuses the connection', async () => {
    const proxy = await startProxy({ upstreamBaseUrl: `http://127.0.0.1:${await closedPort()}` });
    const res = await fetch(`${proxy.base}/api/v1/models`);
    expect(res.status).toBe(502);
    expect(apiError(await res.text())).toEqual({ type: 'api_error', message: 'The proxy could not reach the Anthropic API (ECONNREFUSED).' });
  });

  it('cuts the client connection when the upstream breaks off mid-stream', async () => {
    const { base } = await listenHandler((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: ping\ndata: {"type": "ping"}\n\n');
      setTimeout(() => res.destroy(), 50);
    });
    const proxy = await startProxy({ upstreamBaseUrl: base });
    const res = await fetch(`${proxy.base}/api/v1/messages`, { method: 'POST', body: '{"stream":true}' });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    await expect.poll(() => proxy.logs.some((line) => line.includes('broke off'))).toBe(true);
    expect(proxy.logs.join('\n')).not.toContain(SENTINEL_KEY);
  });
});
