// Stop in the UI aborts the browser request; the proxy must cancel the
// upstream request at once (within 100 ms), or the API keeps generating
// (and billing) an answer nobody reads.
import { IncomingMessage, request as httpRequest, ServerResponse, type ClientRequest } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator';
import { forward } from './forward';
import { closeServersAfterEach, listenHandler, SENTINEL_KEY, startProxy } from './test-helpers';

closeServersAfterEach();

/**
 * The 100 ms bounds are wall-clock and everything here shares one event loop
 * on a shared machine: a retry absorbs a descheduled process, while a proxy
 * that does not abort fails every attempt (the upstream never sees a close).
 */
const timing = { retry: 2 };

/** An upstream that records when it sees the proxy's request and when that request goes away. */
async function recordingUpstream(sendHeaders: boolean) {
  const times = { seen: 0, closed: 0 };
  const { base } = await listenHandler((req, res) => {
    req.resume();
    times.seen = performance.now();
    res.on('close', () => {
      if (!res.writableFinished) times.closed = performance.now();
    });
    if (sendHeaders) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: ping\ndata: {"type": "ping"}\n\n');
    }
  });
  return { base, times };
}

/** Starts a streaming POST; resolves with the request once the first body bytes (or the headers) arrive. */
function startStream(port: number, path: string, body: string, waitFor: 'body' | 'sent'): Promise<ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.once('data', () => resolve(req));
    });
    req.on('error', () => undefined);
    req.end(body, () => {
      if (waitFor === 'sent') resolve(req);
    });
    setTimeout(() => reject(new Error('the stream did not start')), 3000);
  });
}

// With a grace period of 0 a kept stream is cancelled as soon as its last reader leaves, as a plain
// proxy would (stream-hub.test.ts covers the default: the answer outlives its client for a while).
describe('client goes away (grace period 0)', () => {
  it('aborts the upstream request within 100 ms, mid-stream', timing, async () => {
    const up = await recordingUpstream(true);
    const proxy = await startProxy({ upstreamBaseUrl: up.base, streams: { graceMs: 0 } });
    const req = await startStream(proxy.port, '/api/v1/messages', '{"stream":true}', 'body');
    const gone = performance.now();
    req.destroy();
    await expect.poll(() => up.times.closed, { timeout: 1000, interval: 5 }).toBeGreaterThan(0);
    expect(up.times.closed - gone).toBeLessThan(100);
  });

  it('aborts the upstream request within 100 ms while still waiting for its headers', timing, async () => {
    const up = await recordingUpstream(false);
    const proxy = await startProxy({ upstreamBaseUrl: up.base });
    const req = await startStream(proxy.port, '/api/v1/messages', '{"stream":true}', 'sent');
    await expect.poll(() => up.times.seen, { timeout: 1000, interval: 5 }).toBeGreaterThan(0);
    const gone = performance.now();
    req.destroy();
    await expect.poll(() => up.times.closed, { timeout: 1000, interval: 5 }).toBeGreaterThan(0);
    expect(up.times.closed - gone).toBeLessThan(100);
    expect(proxy.logs).toEqual([]);
  });

  it('is recorded by the simulator as clientWentAway within 100 ms', timing, async () => {
    const simulator = createSimulator({ firstTokenDelayMs: 0, tokensPerSecond: 50 });
    const proxy = await startProxy({ apiKey: null, simulator, streams: { graceMs: 0 } });
    const body = JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 4096, stream: true, messages: [{ role: 'user', content: '/sim long 2000' }] });
    const req = await startStream(proxy.port, '/api/v1/messages', body, 'body');
    const gone = performance.now();
    req.destroy();
    await expect.poll(() => simulator.records[0]?.clientWentAway, { timeout: 1000, interval: 5 }).toBe(true);
    expect(performance.now() - gone).toBeLessThan(100);
    expect(simulator.records[0]?.finished).toBe(false);
  });

  it('does not reach the upstream at all when the client leaves during its body', async () => {
    const up = await recordingUpstream(true);
    const proxy = await startProxy({ upstreamBaseUrl: up.base });
    const req = httpRequest({ host: '127.0.0.1', port: proxy.port, path: '/api/v1/messages', method: 'POST', headers: { 'content-length': '100' } });
    req.on('error', () => undefined);
    req.write('{"stream":');
    await new Promise((r) => setTimeout(r, 50));
    req.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect(up.times.seen).toBe(0);
    expect(proxy.logs).toEqual([]);
  });
});

describe('forward with a client already gone', () => {
  it('never calls the upstream', async () => {
    const res = new ServerResponse(new IncomingMessage(new Socket()));
    res.destroy();
    let calls = 0;
    const countingFetch: typeof fetch = async () => {
      calls++;
      return new Response('{}');
    };
    await forward({ method: 'POST', path: '/v1/messages', headers: {}, body: '{}' }, res, { apiKey: SENTINEL_KEY, upstreamBaseUrl: 'http://127.0.0.1:1', fetch: countingFetch });
    expect(calls).toBe(0);
  });
});
