import { describe, expect, it } from 'vitest';
import type { StreamEnd } from '../protocol';
import { createStreamWorkerClient, type FrameClock, type WorkerLike } from './off-thread';
import type { StreamHandlers } from './stream-message';
import { packMessages, unpackMessages, type FromWorker, type ToWorker } from './worker-protocol';

function fakeWorker() {
  const posted: ToWorker[] = [];
  const worker: WorkerLike = {
    postMessage: (message) => posted.push(message),
    onmessage: null,
    onerror: null,
    terminate: () => undefined,
  };
  const send = (message: FromWorker) => worker.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  return { worker, posted, send };
}

/** A clock that handing on a message advances by `perMessageMs`, and paints that the test releases. */
function fakeClock(budgetMs: number, roundChars = Number.POSITIVE_INFINITY) {
  let time = 0;
  const paints: Array<() => void> = [];
  const clock: FrameClock = {
    now: () => time,
    budgetMs,
    roundChars,
    afterPaint: () => new Promise<void>((resolve) => paints.push(resolve)),
  };
  return { clock, paints, advance: (ms: number) => (time += ms) };
}

const batch = (id: number, names: string[]): FromWorker => ({ type: 'batch', id, at: performance.timeOrigin + 5, decoded: [], ...packMessages(names, names.map((n) => `{"n":"${n}"}`)) });
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Paints every frame the client waits for, until none is awaited. */
async function paintAll(paints: Array<() => void>): Promise<void> {
  await flush();
  while (paints.length > 0) {
    paints.shift()?.();
    await flush();
  }
}

function recorder(advance: (ms: number) => void = () => undefined, perMessageMs = 0) {
  const log: string[] = [];
  const handlers: StreamHandlers = {
    onOpen: (meta) => log.push(`open ${meta.status}`),
    onMessage: (event, data, at) => {
      log.push(`${event} ${data} @${at?.toFixed(0)}`);
      advance(perMessageMs);
    },
    onPause: () => log.push('pause'),
  };
  return { log, handlers };
}

describe('stream worker client', () => {
  it('starts the stream in the worker with only what can cross threads, and hands on what comes back in order', async () => {
    const { worker, posted, send } = fakeWorker();
    const { clock, paints } = fakeClock(100);
    const client = createStreamWorkerClient(() => worker, clock);
    const { log, handlers } = recorder();
    const signal = new AbortController().signal;
    const ended = client.stream({ url: '/api/v1/messages', body: { model: 'm' }, headers: { a: 'b' }, signal, stallTimeoutMs: 500 }, handlers);
    expect(posted).toEqual([{ type: 'start', id: 1, request: { url: '/api/v1/messages', body: { model: 'm' }, headers: { a: 'b' }, stallTimeoutMs: 500 } }]);
    send({ type: 'open', id: 1, meta: { status: 200, requestId: 'req_1' } });
    send(batch(1, ['message_start', 'content_block_delta']));
    const end: StreamEnd = { kind: 'eof' };
    send({ type: 'end', id: 1, end });
    // Messages for another stream are not ours.
    send(batch(2, ['stray']));
    await paintAll(paints);
    await expect(ended).resolves.toEqual(end);
    // Each round is rendered (pause) before the frame: the opening alone, then the batch that came meanwhile.
    expect(log).toEqual(['open 200', 'pause', 'message_start {"n":"message_start"} @5', 'content_block_delta {"n":"content_block_delta"} @5']);
  });

  it('hands on a frame\'s budget at a time: renders, waits for the paint, then goes on with the rest', async () => {
    const { worker, send } = fakeWorker();
    const { clock, paints, advance } = fakeClock(1);
    const client = createStreamWorkerClient(() => worker, clock);
    const { log, handlers } = recorder(advance, 0.01);
    const ended = client.stream({ url: '/u', body: {}, signal: new AbortController().signal }, handlers);
    const names = Array.from({ length: 250 }, (_, i) => `e${i}`);
    send(batch(1, names));
    const firstRound = log.filter((l) => l.startsWith('e')).length;
    expect(firstRound).toBeGreaterThanOrEqual(100);
    expect(firstRound).toBeLessThan(250);
    expect(log.at(-1)).toBe('pause');
    send({ type: 'end', id: 1, end: { kind: 'eof' } });
    // Nothing more until the frame has been painted.
    await flush();
    expect(log.filter((l) => l.startsWith('e'))).toHaveLength(firstRound);
    await paintAll(paints);
    await expect(ended).resolves.toEqual({ kind: 'eof' });
    expect(log.filter((l) => l.startsWith('e')).map((l) => l.split(' ')[0])).toEqual(names);
  });

  it('caps a round by the characters it hands on, however fast handing on is', async () => {
    const { worker, send } = fakeWorker();
    const { clock, paints } = fakeClock(1000, 1000);
    const client = createStreamWorkerClient(() => worker, clock);
    const { log, handlers } = recorder();
    const ended = client.stream({ url: '/u', body: {}, signal: new AbortController().signal }, handlers);
    // 200 messages of 20 characters of data each ({"n":"e123"} padded): 4,000 characters in all.
    const names = Array.from({ length: 200 }, (_, i) => `e${String(i).padStart(10, '0')}`);
    send(batch(1, names));
    send({ type: 'end', id: 1, end: { kind: 'eof' } });
    const firstRound = log.filter((l) => l.startsWith('e')).length;
    // Stops at the first check (every 32 messages) after 1,000 characters.
    expect(firstRound).toBe(64);
    await paintAll(paints);
    await expect(ended).resolves.toEqual({ kind: 'eof' });
    expect(log.filter((l) => l === 'pause')).toHaveLength(3);
  });

  it('hands a decoded batch on whole when the caller takes decoded batches', async () => {
    const { worker, send } = fakeWorker();
    const { clock, paints } = fakeClock(100);
    const client = createStreamWorkerClient(() => worker, clock);
    const seen: Array<{ raw: string[]; decoded: number; at: number }> = [];
    const ended = client.stream(
      { url: '/u', body: {}, signal: new AbortController().signal },
      {
        onOpen: () => undefined,
        onMessage: () => {
          throw new Error('a decoded batch must not be unpacked');
        },
        onDecoded: (raw, decoded, at) => {
          const names: string[] = [];
          unpackMessages(raw, (event) => names.push(event));
          seen.push({ raw: names, decoded: decoded.length, at });
        },
      },
    );
    send({ type: 'batch', id: 1, at: performance.timeOrigin + 5, decoded: [{ ok: true, event: { type: 'ping' } }], ...packMessages(['a', 'b'], ['{}', '{}']) });
    send({ type: 'end', id: 1, end: { kind: 'eof' } });
    await paintAll(paints);
    await expect(ended).resolves.toEqual({ kind: 'eof' });
    expect(seen).toEqual([{ raw: ['a', 'b'], decoded: 1, at: 5 }]);
  });

  it('on Stop, tells the worker, resolves as aborted and hands nothing more on', async () => {
    const { worker, posted, send } = fakeWorker();
    const client = createStreamWorkerClient(() => worker, fakeClock(100).clock);
    const { log, handlers } = recorder();
    const controller = new AbortController();
    const ended = client.stream({ url: '/u', body: {}, signal: controller.signal }, handlers);
    controller.abort();
    send(batch(1, ['late']));
    await expect(ended).resolves.toEqual({ kind: 'aborted' });
    expect(posted.at(-1)).toEqual({ type: 'abort', id: 1 });
    expect(log).toEqual([]);
  });

  it('does not start a stream whose signal is already aborted', async () => {
    const { worker, posted } = fakeWorker();
    const client = createStreamWorkerClient(() => worker, fakeClock(100).clock);
    const controller = new AbortController();
    controller.abort();
    await expect(client.stream({ url: '/u', body: {}, signal: controller.signal }, recorder().handlers)).resolves.toEqual({ kind: 'aborted' });
    expect(posted).toEqual([]);
  });

  it('turns a failed worker into a readable network error and stops offering itself', async () => {
    const { worker } = fakeWorker();
    const client = createStreamWorkerClient(() => worker, fakeClock(100).clock);
    const ended = client.stream({ url: '/u', body: {}, signal: new AbortController().signal }, recorder().handlers);
    worker.onerror?.({ message: 'Failed to fetch a worker script' } as ErrorEvent);
    await expect(ended).resolves.toEqual({ kind: 'failed', error: { kind: 'network', message: 'the stream worker stopped: Failed to fetch a worker script' } });
    expect(client.available()).toBe(false);
  });
});
