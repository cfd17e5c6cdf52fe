// HTTP-level behaviour: headers, routes, pacing, keep-alives, faults and the
// per-request records the proxy's abort tests rely on.
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './test-utils';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(options?: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(options);
  servers.push(s);
  return s;
}

function post(url: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  return fetch(`${url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', ...headers },
    body: JSON.stringify(body),
    signal,
  });
}

const msg = (content: string, extra: Record<string, unknown> = {}) => ({ model: 'claude-opus-4-6', max_tokens: 1024, stream: true, messages: [{ role: 'user', content }], ...extra });

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('simulator over HTTP', () => {
  it('/sim limits <percent> answers normally with that share of each rate limit remaining', async () => {
    const s = await serve();
    const plain = await post(s.url, msg('hello'));
    await plain.text();
    expect(plain.headers.get('anthropic-ratelimit-requests-remaining')).toBe('3999');
    const res = await post(s.url, msg('/sim limits 3'));
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain('event: message_stop');
    const h = (name: string) => res.headers.get(`anthropic-ratelimit-${name}`);
    expect([h('requests-limit'), h('requests-remaining')]).toEqual(['4000', '120']);
    expect([h('input-tokens-limit'), h('input-tokens-remaining')]).toEqual(['2000000', '60000']);
    expect([h('output-tokens-limit'), h('output-tokens-remaining')]).toEqual(['400000', '12000']);
    expect([h('tokens-limit'), h('tokens-remaining')]).toEqual(['2400000', '72000']);
    expect(Date.parse(h('requests-reset') ?? '')).toBeGreaterThan(Date.now());
  });

  it('streams SSE with the right headers and records the request', async () => {
    const s = await serve();
    const res = await post(s.url, msg('hello'), { authorization: 'Bearer test', 'anthropic-version': '2026-10-21' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const id = res.headers.get('request-id');
    expect(id).toMatch(/^req_/);
    const text = await res.text();
    expect(text.startsWith('event: message_start\ndata: {"type":"message_start"')).toBe(true);
    expect(text).toContain('event: ping\ndata: {"type": "ping"}\n\n');
    expect(text.endsWith('event: message_stop\ndata: {"type":"message_stop"}\n\n')).toBe(true);
    await until(() => s.sim.records.some((r) => r.requestId === id && r.finished));
    expect(s.sim.records.find((r) => r.requestId === id)).toMatchObject({ path: '/v1/messages', finished: true, clientWentAway: false });
  });

  it('answers unknown routes and bad requests with the error envelope', async () => {
    const s = await serve();
    const res = await fetch(`${s.url}/v1/nope`);
    expect(res.status).toBe(404);
    const body: unknown = await res.json();
    expect(body).toEqual({ type: 'error', error: { type: 'not_found_error', message: 'Not Found' }, request_id: res.headers.get('request-id') });
    const bad = await post(s.url, { model: 'claude-opus-4-6', messages: [] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Field required' } });
    const unknownModel = await post(s.url, msg('hi', { model: 'claude-x' }));
    expect(unknownModel.status).toBe(404);
  });

  it('serves models and count_tokens', async () => {
    const s = await serve();
    const list = await fetch(`${s.url}/v1/models?limit=2`);
    expect(await list.json()).toMatchObject({ has_more: true, data: [{ type: 'model' }, { type: 'model' }] });
    const one = await fetch(`${s.url}/v1/models/claude-opus-4-6`);
    expect(await one.json()).toMatchObject({ id: 'claude-opus-4-6', display_name: 'Claude Opus 4.6' });
    const count = await fetch(`${s.url}/v1/messages/count_tokens`, { method: 'POST', body: JSON.stringify({ model: 'claude-opus-4-6', messages: [{ role: 'user', content: 'hello' }] }) });
    expect(await count.json()).toEqual({ input_tokens: 9 });
  });

  it('paces with the injected clock: first-token delay, token rate, keep-alive pings', async () => {
    const slept: number[] = [];
    const s = await serve({ firstTokenDelayMs: 12_000, tokensPerSecond: 50, sleep: async (ms) => void slept.push(ms) });
    const text = await (await post(s.url, msg('hello'))).text();
    // 12 s before the first token is split into 5 s waits with a ping after each full one.
    expect(slept.slice(0, 3)).toEqual([5000, 5000, expect.any(Number)]);
    expect(text.split('event: ping').length - 1).toBe(3);
    const total = slept.reduce((a, b) => a + b, 0);
    const usage = /"output_tokens":(\d+)\}\}\n\nevent: message_stop/.exec(text);
    expect(total).toBeCloseTo(12_000 + (Number(usage?.[1]) * 1000) / 50, 0);
  });

  it('fast skips pacing; stall sends nothing for its duration, without pings', async () => {
    const slept: number[] = [];
    const s = await serve({ firstTokenDelayMs: 500, tokensPerSecond: 75, sleep: async (ms) => void slept.push(ms) });
    await (await post(s.url, msg('/sim long 500 fast'))).text();
    expect(slept).toEqual([]);
    const text = await (await post(s.url, msg('/sim stall 12 fast'))).text();
    expect(slept).toEqual([12_000]);
    expect(text.split('event: ping').length - 1).toBe(1);
  });

  it('drop closes the connection mid-stream; the record shows it was not the client', async () => {
    const s = await serve();
    const res = await post(s.url, msg('/sim drop'));
    await expect(res.text()).rejects.toThrow();
    await until(() => s.sim.records.length === 1 && !s.sim.records[0]?.finished);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.sim.records[0]).toMatchObject({ finished: false, clientWentAway: false });
  });

  it('records clientWentAway when the client aborts mid-stream, and stops writing', async () => {
    const s = await serve({ firstTokenDelayMs: 0, tokensPerSecond: 200 });
    const controller = new AbortController();
    const res = await post(s.url, msg('/sim long 2000'), {}, controller.signal);
    const reader = res.body?.getReader();
    await reader?.read();
    controller.abort();
    await until(() => s.sim.records[0]?.clientWentAway === true);
    expect(s.sim.records[0]?.finished).toBe(false);
  });

  it('non-streaming returns the Message JSON; midstream-error becomes a 529', async () => {
    const s = await serve();
    const ok = await post(s.url, msg('hello', { stream: false }));
    expect(ok.headers.get('content-type')).toBe('application/json');
    const m = (await ok.json()) as { type: string; content: { type: string }[]; usage: { output_tokens: number } };
    expect(m.type).toBe('message');
    expect(m.content[0]?.type).toBe('text');
    const overloaded = await post(s.url, msg('/sim midstream-error', { stream: false }));
    expect(overloaded.status).toBe(529);
    expect(await overloaded.json()).toMatchObject({ error: { type: 'overloaded_error' } });
  });

  it('gives the same bytes for the same request and seed on a fresh simulator', async () => {
    const a = await serve({ firstTokenDelayMs: 0, tokensPerSecond: 1e6, seed: 7 });
    const b = await serve({ firstTokenDelayMs: 0, tokensPerSecond: 1e6, seed: 7 });
    const ta = await (await post(a.url, msg('/sim thinking\nwhat is a monad'))).text();
    const tb = await (await post(b.url, msg('/sim thinking\nwhat is a monad'))).text();
    expect(ta).toBe(tb);
  });
});
