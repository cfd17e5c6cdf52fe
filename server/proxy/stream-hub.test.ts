import { describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../simulator';
import type { StreamHubOptions } from './stream-hub';
import { closeServersAfterEach, startProxy } from './test-helpers';

closeServersAfterEach();

const BODY = (content: string) => JSON.stringify({ model: 'claude-sonnet-5-5', max_tokens: 2048, stream: true, messages: [{ role: 'user', content }] });
const HEADERS = { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' };

async function proxyWith(streams: StreamHubOptions = {}, simulator: Simulator = createSimulator({ firstTokenDelayMs: 0, tokensPerSecond: 4000 })) {
  const proxy = await startProxy({ apiKey: null, simulator, streams });
  const post = (content: string, signal?: AbortSignal) => fetch(`${proxy.base}/api/v1/messages`, { method: 'POST', headers: HEADERS, body: BODY(content), ...(signal === undefined ? {} : { signal }) });
  const attach = (id: string, last?: number) => fetch(`${proxy.base}/api/streams/${id}`, { headers: last === undefined ? {} : { 'last-event-id': String(last) } });
  return { proxy, simulator, post, attach };
}

/** The events of an SSE text, each with its id. */
const eventsOf = (text: string) => text.split(/(?<=\n\n)/).filter((e) => e.trim() !== '');
const withoutIds = (text: string) => text.replace(/^id: \d+\n/gm, '');

async function direct(content: string): Promise<string> {
  const { post } = await proxyWith({ graceMs: 0 });
  return withoutIds(await (await post(content)).text());
}

describe('kept streams', () => {
  it('carry a stream id and an id per event, the bytes otherwise those of the direct stream', async () => {
    const { post } = await proxyWith();
    const response = await post('/sim long 200');
    const id = response.headers.get('x-stream-id') ?? '';
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const text = await response.text();
    const events = eventsOf(text);
    events.forEach((event, i) => expect(event.startsWith(`id: ${i}\n`)).toBe(true));
    expect(withoutIds(text)).toBe(await direct('/sim long 200'));
  });

  it('replay from every Last-Event-ID position exactly what the client has not seen', async () => {
    const { post, attach } = await proxyWith();
    const response = await post('/sim long 60');
    const id = response.headers.get('x-stream-id') ?? '';
    const events = eventsOf(await response.text());
    for (let last = -1; last < events.length; last++) {
      const again = await attach(id, last < 0 ? undefined : last);
      expect(again.status).toBe(200);
      expect(again.headers.get('x-stream-id')).toBe(id);
      expect(again.headers.get('request-id')).toBe(response.headers.get('request-id'));
      expect(await again.text()).toBe(events.slice(last + 1).join(''));
    }
  });

  it('answer 404 in the API error shape for unknown or malformed ids; other methods are not routes', async () => {
    const { proxy, attach } = await proxyWith();
    const unknown = await attach('AAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
    for (const path of ['/api/streams/short', '/api/streams/AAAAAAAAAAAAAAAAAAAAAA/x', '/api/streams/..%2F..%2Fv1%2Fmessages']) {
      expect((await fetch(`${proxy.base}${path}`)).status).toBe(404);
    }
    expect((await fetch(`${proxy.base}/api/streams/AAAAAAAAAAAAAAAAAAAAAA`, { method: 'POST' })).status).toBe(404);
  });

  it('apply the Origin and Host checks', async () => {
    const { proxy, post } = await proxyWith();
    const id = (await post('/sim long 20')).headers.get('x-stream-id') ?? '';
    const foreign = await fetch(`${proxy.base}/api/streams/${id}`, { headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
  });

  it('let several readers follow one stream live, each from where it starts', async () => {
    const { post, attach } = await proxyWith({}, createSimulator({ firstTokenDelayMs: 0, tokensPerSecond: 400 }));
    const response = await post('/sim long 120');
    const id = response.headers.get('x-stream-id') ?? '';
    const [first, second, third] = await Promise.all([response.text(), attach(id).then((r) => r.text()), attach(id, 2).then((r) => r.text())]);
    expect(second).toBe(first);
    expect(third).toBe(eventsOf(first).slice(3).join(''));
  });

  it('keep running while no reader is attached, for the grace period, and a reader that comes back gets the rest', async () => {
    const { post, attach, simulator } = await proxyWith({ graceMs: 2000 }, createSimulator({ firstTokenDelayMs: 0, tokensPerSecond: 300 }));
    const controller = new AbortController();
    const response = await post('/sim long 150', controller.signal);
    const id = response.headers.get('x-stream-id') ?? '';
    const reader = response.body?.getReader();
    const seen = new TextDecoder().decode((await reader?.read())?.value);
    controller.abort();
    const last = eventsOf(seen).filter((e) => e.endsWith('\n\n')).length - 1;
    const rest = await (await attach(id, last)).text();
    const whole = eventsOf(seen).slice(0, last + 1).join('') + rest;
    expect(withoutIds(whole)).toBe(await direct('/sim long 150'));
    expect(simulator.records[0]?.clientWentAway).toBe(false);
    expect(simulator.records[0]?.finished).toBe(true);
    // One upstream request for the whole answer.
    expect(simulator.records).toHaveLength(1);
  });

  it('cancel upstream when no reader comes back within the grace period (0: at once)', async () => {
    for (const graceMs of [0, 300]) {
      const { post, attach, simulator } = await proxyWith({ graceMs }, createSimulator({ firstTokenDelayMs: 0, tokensPerSecond: 50 }));
      const controller = new AbortController();
      const response = await post('/sim long 500', controller.signal);
      const id = response.headers.get('x-stream-id') ?? '';
      await response.body?.getReader().read();
      const left = Date.now();
      controller.abort();
      await expect.poll(() => simulator.records[0]?.clientWentAway, { timeout: 3000, interval: 10 }).toBe(true);
      const after = Date.now() - left;
      if (graceMs === 0) expect(after).toBeLessThan(200);
      else expect(after).toBeGreaterThanOrEqual(graceMs - 20);
      expect((await attach(id)).status).toBe(404);
    }
  });

  it('stop on DELETE, upstream within 100 ms, and every reader ends', async () => {
    const { proxy, post, attach, simulator } = await proxyWith({}, createSimulator({ firstTokenDelayMs: 0, tokensPerSecond: 50 }));
    const response = await post('/sim long 500');
    const id = response.headers.get('x-stream-id') ?? '';
    await response.body?.getReader().read();
    const asked = Date.now();
    expect((await fetch(`${proxy.base}/api/streams/${id}`, { method: 'DELETE' })).status).toBe(204);
    await expect.poll(() => simulator.records[0]?.clientWentAway, { timeout: 1000, interval: 5 }).toBe(true);
    expect(Date.now() - asked).toBeLessThan(100);
    expect((await attach(id)).status).toBe(404);
    expect((await fetch(`${proxy.base}/api/streams/${id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('let the oldest finished streams go when the buffers outgrow their total limit', async () => {
    const { post, attach } = await proxyWith({ maxTotalBytes: 60_000 });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await post(`/sim long 300\n${i}`);
      ids.push(response.headers.get('x-stream-id') ?? '');
      await response.text();
    }
    const kept = await Promise.all(ids.map(async (id) => (await attach(id)).status));
    expect(kept[0]).toBe(404);
    expect(kept.at(-1)).toBe(200);
  });

  it('do not keep a stream larger than its own limit; errors are passed through unkept', async () => {
    const { post, attach } = await proxyWith({ maxStreamBytes: 5_000 });
    const big = await post('/sim long 400');
    const id = big.headers.get('x-stream-id') ?? '';
    await big.text();
    expect((await attach(id)).status).toBe(404);
    const error = await post('/sim error 429');
    expect(error.status).toBe(429);
    expect(error.headers.get('x-stream-id')).toBeNull();
  });
});

describe('kept streams under hostile input', () => {
  it('answer any Last-Event-ID with the right slice (or all of it when it is not a number), never crashing', async () => {
    const { post, proxy } = await proxyWith();
    const response = await post('/sim long 40');
    const id = response.headers.get('x-stream-id') ?? '';
    const events = eventsOf(await response.text());
    const cases: Array<[string, string]> = [
      ['', events.join('')],
      ['abc', events.join('')],
      ['-1', events.join('')],
      ['1e3', events.join('')],
      [' 3 ', events.slice(4).join('')],
      ['0003', events.slice(4).join('')],
      ['999999', ''],
      [String(events.length - 1), ''],
      ['9'.repeat(40), events.join('')],
    ];
    for (const [header, expected] of cases) {
      const again = await fetch(`${proxy.base}/api/streams/${id}`, { headers: { 'last-event-id': header } });
      expect(again.status, JSON.stringify(header)).toBe(200);
      expect(await again.text(), JSON.stringify(header)).toBe(expected);
    }
    // A foreign id (another proxy's, or made up) of the right shape is simply unknown.
    for (let i = 0; i < 20; i++) {
      const made = Buffer.from(Array.from({ length: 16 }, () => Math.floor(Math.random() * 256))).toString('base64url');
      expect((await fetch(`${proxy.base}/api/streams/${made}`)).status).toBe(404);
    }
  });
});
