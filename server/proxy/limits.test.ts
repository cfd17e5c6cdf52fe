import { describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator';
import { requestLimits } from './limits';
import { MAX_BODY_BYTES } from './read-body';
import { apiError, closeServersAfterEach, listenHandler, rawRequest, startProxy } from './test-helpers';

closeServersAfterEach();

const head = (port: number, length: number) => `POST /api/v1/messages HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

async function countingUpstream() {
  let calls = 0;
  const { base } = await listenHandler((_req, res) => {
    calls++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  return { base, calls: () => calls };
}

describe('request body size', () => {
  it('answers 413 request_too_large for a body over 32 MB, and nothing reaches the upstream', async () => {
    const up = await countingUpstream();
    const proxy = await startProxy({ upstreamBaseUrl: up.base });
    const body = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const res = await fetch(`${proxy.base}/api/v1/messages`, { method: 'POST', body });
    expect(res.status).toBe(413);
    expect(apiError(await res.text())).toEqual({ type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes (32 MB).' });
    expect(up.calls()).toBe(0);
  });

  it('accepts a body of exactly 32 MB', async () => {
    const up = await countingUpstream();
    const proxy = await startProxy({ upstreamBaseUrl: up.base });
    const res = await fetch(`${proxy.base}/api/v1/messages/count_tokens`, { method: 'POST', body: Buffer.alloc(MAX_BODY_BYTES, 0x20) });
    expect(res.status).toBe(200);
    expect(up.calls()).toBe(1);
  });

  it('answers 413 from the declared length at once, then cuts a body that never ends', async () => {
    const proxy = await startProxy({ bodyTimeoutMs: 300 });
    const started = Date.now();
    const res = await rawRequest(proxy.port, [head(proxy.port, MAX_BODY_BYTES + 10), 'x'.repeat(1000)], { timeoutMs: 3000 });
    expect(res.status).toBe(413);
    expect(apiError(res.body)?.type).toBe('request_too_large');
    expect(res.closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('request body time', () => {
  it('answers 408 in the API envelope and closes when the body trickles in too slowly', async () => {
    const simulator = createSimulator({ firstTokenDelayMs: 0 });
    const proxy = await startProxy({ apiKey: null, simulator, bodyTimeoutMs: 300 });
    const started = Date.now();
    // Slowloris: one byte every 50 ms of a 1000-byte body.
    const drip = Array.from({ length: 40 }, () => '{');
    const res = await rawRequest(proxy.port, [head(proxy.port, 1000), ...drip], { delayMs: 50, timeoutMs: 5000 });
    expect(res.status).toBe(408);
    expect(res.headers.connection).toBe('close');
    expect(apiError(res.body)).toEqual({ type: 'invalid_request_error', message: 'The request body did not arrive within 300 ms.' });
    expect(res.closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(simulator.records).toHaveLength(0);
    expect(proxy.logs.some((line) => line.includes('408'))).toBe(true);
  });

  it('answers 408 when a declared body never comes at all', async () => {
    const proxy = await startProxy({ bodyTimeoutMs: 200 });
    const res = await rawRequest(proxy.port, [head(proxy.port, 50)], { timeoutMs: 3000 });
    expect(res.status).toBe(408);
    expect(res.closed).toBe(true);
  });

  it('has a 30 s default and ignores limits that would disable it', () => {
    expect(requestLimits({})).toMatchObject({ bodyTimeoutMs: 30_000, maxBodyBytes: MAX_BODY_BYTES, upstreamTimeoutMs: 60_000 });
    expect(requestLimits({ bodyTimeoutMs: 0, upstreamTimeoutMs: Number.NaN, maxBodyBytes: -1 })).toMatchObject({ bodyTimeoutMs: 30_000, upstreamTimeoutMs: 60_000, maxBodyBytes: MAX_BODY_BYTES });
    expect(requestLimits({ upstreamTimeoutMs: 1e12 }).upstreamTimeoutMs).toBe(2_147_483_647);
  });
});

