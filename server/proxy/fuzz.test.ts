// Throws seeded hostile input at the proxy, in both modes (simulator and
// forwarding to an upstream): every answer is an API-shaped error or a normal
// response, nothing throws, nothing hangs, and the server keeps serving.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator';
import { fuzzCases, type FuzzCase } from './fuzz-cases';
import { apiError, closeServersAfterEach, rawRequest, simulatorUpstream, startProxy, type TestProxy } from './test-helpers';

closeServersAfterEach();

const SEED = 0x5eed_2026;
const CASES = 160;
/** Far above the 250 ms body timeout: a case still open after this is a hang. */
const HANG_MS = 4000;

const crashes: unknown[] = [];
const onCrash = (error: unknown) => crashes.push(error);
beforeEach(() => {
  crashes.length = 0;
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
});
afterEach(() => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
});

interface Outcome {
  readonly status: number | null;
  readonly problem: string | null;
}

async function runCase(proxy: TestProxy, fuzz: FuzzCase): Promise<Outcome> {
  const res = await rawRequest(proxy.port, fuzz.parts, { delayMs: fuzz.delayMs, end: fuzz.end, timeoutMs: HANG_MS });
  const outcome = (problem: string | null): Outcome => ({ status: res.status, problem });
  if (!res.closed) return outcome('hung: the server neither answered nor closed the connection');
  if (res.status === null) return outcome(res.raw === '' ? null : `not HTTP: ${JSON.stringify(res.raw.slice(0, 80))}`);
  if (res.status >= 400 && !fuzz.head && apiError(res.body) === null) return outcome(`${res.status} without the API error envelope: ${res.body.slice(0, 120)}`);
  return outcome(null);
}

async function pool<T, R>(items: readonly T[], width: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        const item = items[index];
        if (item !== undefined) out[index] = await run(item);
      }
    }),
  );
  return out;
}

async function openConnections(proxy: TestProxy): Promise<number> {
  return new Promise((resolve) => proxy.server.getConnections((_error, count) => resolve(count)));
}

async function normalRequestSucceeds(proxy: TestProxy): Promise<void> {
  const res = await fetch(`${proxy.base}/api/v1/messages`, {
    method: 'POST',
    body: JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 256, stream: true, messages: [{ role: 'user', content: '/sim long 50 fast' }] }),
  });
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('event: message_stop');
}

describe('fuzz', () => {
  const cases = fuzzCases(SEED, CASES);

  it('generates the same cases from the same seed', () => {
    expect(fuzzCases(SEED, 20).map((c) => c.name)).toEqual(cases.slice(0, 20).map((c) => c.name));
    expect(new Set(cases.map((c) => c.name.split(' ')[1])).size).toBeGreaterThanOrEqual(6);
  });

  it.each([
    ['simulator', false],
    ['forwarding', true],
  ])('%s mode: clear errors, no crash, no hang, still serving', async (_mode, forwarding) => {
    const simulator = createSimulator({ firstTokenDelayMs: 0 });
    const upstream = forwarding ? await simulatorUpstream(createSimulator({ firstTokenDelayMs: 0 })) : null;
    const proxy = await startProxy({
      apiKey: upstream === null ? null : 'sk-ant-fuzz',
      upstreamBaseUrl: upstream?.base ?? 'http://127.0.0.1:1',
      simulator,
      bodyTimeoutMs: 250,
      upstreamTimeoutMs: 2000,
    });
    const results = await pool(cases, 8, (fuzz) => runCase(proxy, fuzz));
    const problems = results.flatMap(({ problem }, i) => (problem === null ? [] : [`${cases[i]?.name ?? i}: ${problem}`]));
    expect(problems).toEqual([]);
    // The cases reach every kind of answer: parser errors, guard, routes, body limits, the API's own validation, success.
    const statuses = new Set(results.map(({ status }) => status));
    for (const status of [200, 400, 403, 404, 408, 431]) expect(statuses, `status ${status}`).toContain(status);
    expect(crashes).toEqual([]);
    // Every fuzz connection is gone (checked before the final request, whose keep-alive socket fetch pools).
    await expect.poll(() => openConnections(proxy), { timeout: 2000 }).toBe(0);
    await normalRequestSucceeds(proxy);
  }, 60_000);
});
