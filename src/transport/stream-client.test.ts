import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Arrival } from '../protocol';
import { fakeFetch, installBrowserShims } from './node-shims';
import { createStreamClient, pageChannel } from './stream-client';
import { createStreamService } from './stream-service';
import type { FromService, ServiceOptions, StreamHandlers, ToService, WorkerLike } from './types';

beforeAll(() => {
  installBrowserShims();
});

const delta = (text: string) => `event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } })}\n\n`;
const START = 'event: message_start\ndata: {"type":"message_start","message":{"id":"m","type":"message","role":"assistant","model":"x","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":1}}}\n\nevent: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n';
const CHUNKS = [START, delta('Hel') + delta('lo'), delta(' world') + 'event: message_stop\ndata: {"type":"message_stop"}\n\n'];

/** A worker that runs the real stream service, with every message cloned across, as between threads. */
function inProcessWorker(options: ServiceOptions, seen: FromService[] = []) {
  const worker: WorkerLike & { fail(message: string): void } = {
    onmessage: null,
    onerror: null,
    terminate: () => undefined,
    postMessage: (message) => service(structuredClone(message)),
    fail: (message) => worker.onerror?.({ message } as ErrorEvent),
  };
  const service = createStreamService((message) => {
    seen.push(message);
    worker.onmessage?.({ data: structuredClone(message) } as MessageEvent<FromService>);
  }, options);
  return worker;
}

function collect() {
  const batches: Array<readonly Arrival[]> = [];
  const opened: Array<string | null> = [];
  const handlers: StreamHandlers = { onOpen: (meta) => opened.push(meta.requestId), onBatch: (arrivals) => batches.push(arrivals) };
  const texts = () => batches.flat().flatMap((a) => (a.ok && a.event.type === 'content_block_delta' && a.event.delta.type === 'text_delta' ? [a.event.delta.text] : []));
  return { batches, opened, handlers, texts };
}

describe('stream client', () => {
  it('on the page: hands on batches of decoded events, deltas joined, each with its arrival time', async () => {
    const c = collect();
    const client = createStreamClient({ fetch: fakeFetch(() => ({ headers: { 'content-type': 'text/event-stream', 'request-id': 'req_1' }, chunks: CHUNKS })) });
    const before = performance.now();
    const { done } = client.open({ url: '/x', body: {}, signal: new AbortController().signal }, c.handlers);
    expect((await done).end).toEqual({ kind: 'eof' });
    expect(c.opened).toEqual(['req_1']);
    expect(c.texts().join('')).toBe('Hello world');
    // Three deltas, parsed in one task: joined.
    expect(c.texts().length).toBeLessThan(3);
    for (const arrival of c.batches.flat()) {
      expect(arrival.at).toBeGreaterThanOrEqual(before);
      expect(arrival.at).toBeLessThanOrEqual(performance.now());
    }
  });

  it('on the page: what is sent while the service loads is handed over in order (a Stop right after the send stops it)', async () => {
    const calls: Array<RequestInit | undefined> = [];
    // The first request hangs (only a Stop ends it); the next one answers.
    const client = createStreamClient({ fetch: fakeFetch(() => ({ chunks: CHUNKS, hang: calls.length === 1 }), calls) });
    const controller = new AbortController();
    const first = client.open({ url: '/x', body: {}, signal: controller.signal }, collect().handlers);
    controller.abort();
    expect((await first.done).end).toEqual({ kind: 'aborted' });
    // The next stream runs in full on the loaded service.
    const c = collect();
    expect((await client.open({ url: '/x', body: {}, signal: new AbortController().signal }, c.handlers).done).end).toEqual({ kind: 'eof' });
    expect(c.texts().join('')).toBe('Hello world');
    // The stopped stream's request was sent, then aborted, before the next one.
    expect(calls).toHaveLength(2);
    expect(calls[0]?.signal?.aborted).toBe(true);
  });

  it('takes times to the microsecond, so the live answer and its record read the same durations', async () => {
    const arrivals: Arrival[] = [];
    const client = createStreamClient({ fetch: fakeFetch(() => ({ chunks: CHUNKS })) });
    const { done, log } = client.open({ url: '/x', body: {}, signal: new AbortController().signal }, { onOpen: () => undefined, onBatch: (batch) => arrivals.push(...batch) });
    await done;
    const record = await log.readFinal();
    const micros = (ms: number) => Math.abs(ms * 1000 - Math.round(ms * 1000)) < 1e-6;
    expect(micros(log.requestStartedAt)).toBe(true);
    const first = arrivals[0];
    expect(first !== undefined && micros(first.at)).toBe(true);
    // The same number either way, up to floating point (which the panel's formatting rounds off).
    expect(Math.abs((first?.at ?? 0) - log.requestStartedAt - (record?.times[0] ?? Number.NaN))).toBeLessThan(1e-6);
  });

  it('on the page: a service that cannot load answers each stream as failed and each read with nothing, and the next send tries again', async () => {
    const received: FromService[] = [];
    let attempts = 0;
    const channel = pageChannel((message) => received.push(message), { fetch: fakeFetch(() => ({ chunks: CHUNKS })) }, async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('chunk gone');
      return import('./stream-service');
    });
    channel.send({ type: 'start', id: 1, request: { url: '/x', body: {} }, timeOrigin: performance.timeOrigin, startedAt: performance.now(), sentAt: Date.now() });
    channel.send({ type: 'read', id: 1, seq: 4 });
    await expect.poll(() => received.length).toBe(2);
    expect(received[0]).toMatchObject({ type: 'end', id: 1, end: { kind: 'failed', error: { kind: 'network', message: expect.stringContaining('could not load (chunk gone)') } } });
    expect(received[1]).toEqual({ type: 'record', id: 1, seq: 4, record: null });
    channel.send({ type: 'start', id: 2, request: { url: '/x', body: {} }, timeOrigin: performance.timeOrigin, startedAt: performance.now(), sentAt: Date.now() });
    await expect.poll(() => received.some((m) => m.type === 'end' && m.id === 2)).toBe(true);
    expect(received.find((m) => m.type === 'end' && m.id === 2)).toMatchObject({ end: { kind: 'eof' } });
    expect(attempts).toBe(2);
  });

  it('through the worker: the same events, arrival times converted once to the page clock, and no raw text crossing over', async () => {
    const seen: FromService[] = [];
    // The worker's clock started 1000 ms after the page's and reads 5 ms: 1005 ms on the page's clock.
    const worker = inProcessWorker({ fetch: fakeFetch(() => ({ chunks: CHUNKS })), now: () => 5, timeOrigin: performance.timeOrigin + 1000 }, seen);
    const c = collect();
    const client = createStreamClient({ spawn: () => worker });
    const { done, log } = client.open({ url: '/x', body: {}, signal: new AbortController().signal }, c.handlers);
    expect(await done).toEqual({ end: { kind: 'eof' }, at: 1005 });
    expect(c.texts().join('')).toBe('Hello world');
    expect(new Set(c.batches.flat().map((a) => a.at))).toEqual(new Set([1005]));
    expect(seen.map((m) => m.type)).toEqual(['open', ...seen.filter((m) => m.type === 'batch').map(() => 'batch'), 'end']);
    // The raw record stays in the worker until asked for.
    const record = await log.read();
    expect(seen.at(-1)?.type).toBe('record');
    expect(record?.times).toHaveLength(6);
    expect(record?.body).toBe(CHUNKS.join(''));
    // Times count from when the page sent the request, on its clock.
    expect(record?.marks.lastByte).toBeCloseTo(1005 - log.requestStartedAt, 3);
  });

  it('Stop ends the stream at once, as aborted, and tells the service', async () => {
    const sent: ToService[] = [];
    const worker = inProcessWorker({ fetch: fakeFetch(() => ({ chunks: [START], hang: true })) });
    const post = worker.postMessage;
    worker.postMessage = (message) => {
      sent.push(message);
      post(message);
    };
    const controller = new AbortController();
    const c = collect();
    const { done } = createStreamClient({ spawn: () => worker }).open({ url: '/x', body: {}, signal: controller.signal }, c.handlers);
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    expect((await done).end).toEqual({ kind: 'aborted' });
    expect(sent.map((m) => m.type)).toEqual(['start', 'abort']);
  });

  it('a worker that fails ends its streams with a readable error, and later streams run on the page', async () => {
    const worker = inProcessWorker({ fetch: fakeFetch(() => ({ chunks: [START], hang: true })) });
    let spawned = 0;
    const client = createStreamClient({
      spawn: () => {
        spawned += 1;
        return worker;
      },
    });
    const first = client.open({ url: '/x', body: {}, signal: new AbortController().signal }, collect().handlers);
    worker.fail('boom');
    expect((await first.done).end).toEqual({ kind: 'failed', error: { kind: 'network', message: 'the stream worker stopped: boom' } });
    expect(await first.log.read()).toBeNull();
    const page = collect();
    const realFetch = globalThis.fetch;
    globalThis.fetch = fakeFetch(() => ({ chunks: CHUNKS }));
    try {
      const second = client.open({ url: '/x', body: {}, signal: new AbortController().signal }, page.handlers);
      expect((await second.done).end).toEqual({ kind: 'eof' });
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(page.texts().join('')).toBe('Hello world');
    expect(spawned).toBe(1);
  });
});

describe('stream records', () => {
  it('stay in the service until released, then are gone there', async () => {
    const seen: FromService[] = [];
    const service = createStreamService((message) => seen.push(message), { fetch: fakeFetch(() => ({ chunks: CHUNKS })) });
    service({ type: 'start', id: 7, request: { url: '/x', body: {} }, timeOrigin: performance.timeOrigin, startedAt: performance.now(), sentAt: Date.now() });
    await vi.waitFor(() => expect(seen.at(-1)?.type).toBe('end'));
    const read = async () => {
      service({ type: 'read', id: 7, seq: 1 });
      await vi.waitFor(() => expect(seen.at(-1)?.type).toBe('record'));
      const answer = seen.pop();
      return answer?.type === 'record' ? (answer.record?.times.length ?? null) : -1;
    };
    expect(await read()).toBe(6);
    service({ type: 'release', id: 7 });
    expect(await read()).toBeNull();
  });

  it('a release from the page reaches the worker', async () => {
    const sent: ToService[] = [];
    const worker = inProcessWorker({ fetch: fakeFetch(() => ({ chunks: CHUNKS })) });
    const post = worker.postMessage;
    worker.postMessage = (message) => {
      sent.push(message);
      post(message);
    };
    const { done, log } = createStreamClient({ spawn: () => worker }).open({ url: '/x', body: {}, signal: new AbortController().signal }, collect().handlers);
    await done;
    log.release();
    expect(sent.map((m) => m.type)).toEqual(['start', 'release']);
  });
});
