import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Arrival } from '../protocol';
import { segmentSse } from '../record';
import { installBrowserShims } from './node-shims';
import { createStreamClient } from './stream-client';

beforeAll(() => {
  installBrowserShims();
});

const SSE = readFileSync(new URL('../../fixtures/generated/sim-echo.sse', import.meta.url), 'utf8');
/** The fixture's events as a kept stream sends them: each with an `id:` line. */
const EVENTS = (() => {
  const out: string[] = [];
  let start = 0;
  for (const message of segmentSse(SSE).messages) {
    out.push(`id: ${out.length}\n${SSE.slice(start, message.end)}`);
    start = message.end;
  }
  return out;
})();
const KEPT = EVENTS.join('');

/**
 * A proxy that keeps streams: the POST's connection breaks `cutAt` bytes in
 * (mid-event); GET /api/streams/s1 answers the events after Last-Event-ID.
 */
function keptStreamProxy(cutAt: number) {
  const calls: Array<{ method: string; url: string; lastEventId: string | null }> = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    calls.push({ method: init?.method ?? 'GET', url, lastEventId: headers.get('last-event-id') });
    const sse = { 'content-type': 'text/event-stream', 'x-stream-id': 's1', 'request-id': 'req_1' };
    if (init?.method === 'DELETE') return new Response(null, { status: 204 });
    if (init?.method === 'POST') {
      const bytes = new TextEncoder().encode(KEPT.slice(0, cutAt));
      let reads = 0;
      const body = new ReadableStream<Uint8Array>({
        // The bytes are read before the connection breaks (an error discards what is still queued).
        pull(controller) {
          if (reads++ === 0) controller.enqueue(bytes);
          else controller.error(new TypeError('network error'));
        },
      });
      return new Response(body, { status: 200, headers: sse });
    }
    const last = headers.get('last-event-id');
    return new Response(EVENTS.slice(last === null ? 0 : Number(last) + 1).join(''), { status: 200, headers: sse });
  };
  return { fetchImpl, calls };
}

const textOf = (arrivals: readonly Arrival[]) =>
  arrivals.flatMap((a) => (a.ok && a.event.type === 'content_block_delta' && a.event.delta.type === 'text_delta' ? [a.event.delta.text] : [])).join('');

describe('a dropped connection to a kept stream', () => {
  it.each([0.3, 0.5, 0.8].map((f) => Math.floor(KEPT.length * f)))('attaches again after the last event seen: every event once, the record whole (cut at byte %i)', async (cutAt) => {
    const { fetchImpl, calls } = keptStreamProxy(cutAt);
    const arrivals: Arrival[] = [];
    const client = createStreamClient({ fetch: fetchImpl });
    const { done, log } = client.open({ url: '/api/v1/messages', body: {}, signal: new AbortController().signal }, { onOpen: () => undefined, onBatch: (batch) => arrivals.push(...batch) });
    expect((await done).end).toEqual({ kind: 'eof' });
    expect(calls.map((c) => c.method)).toEqual(['POST', 'GET']);
    expect(calls[1]?.url).toBe('/api/streams/s1');
    const seen = segmentSse(KEPT.slice(0, cutAt)).messages.length;
    expect(calls[1]?.lastEventId).toBe(seen === 0 ? null : String(seen - 1));
    const direct: Arrival[] = [];
    const straight = createStreamClient({ fetch: async () => new Response(KEPT, { headers: { 'content-type': 'text/event-stream' } }) });
    await straight.open({ url: '/api/v1/messages', body: {}, signal: new AbortController().signal }, { onOpen: () => undefined, onBatch: (batch) => direct.push(...batch) }).done;
    expect(textOf(arrivals)).toBe(textOf(direct));
    const record = await log.readFinal();
    expect(record?.body).toBe(KEPT);
    expect(record?.times).toHaveLength(EVENTS.length);
  });

  it('Stop tells the proxy to stop the stream', async () => {
    const calls: string[] = [];
    const client = createStreamClient({
      fetch: async (input, init) => {
        calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
        if (init?.method === 'DELETE') return new Response(null, { status: 204 });
        return new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode(EVENTS[0])) }), { headers: { 'content-type': 'text/event-stream', 'x-stream-id': 's9' } });
      },
    });
    const controller = new AbortController();
    let opened = () => {};
    const open = new Promise<void>((resolve) => (opened = resolve));
    const { done } = client.open({ url: '/api/v1/messages', body: {}, signal: controller.signal }, { onOpen: () => opened(), onBatch: () => undefined });
    await open;
    controller.abort();
    await done;
    await expect.poll(() => calls).toContain('DELETE /api/streams/s9');
  });
});

describe('a stream attached again after a reload', () => {
  it('hands on the record time of every event with its batches, joined or not', async () => {
    const { fetchImpl } = keptStreamProxy(KEPT.length);
    const times: number[] = [];
    const client = createStreamClient({ fetch: fetchImpl });
    const { done, log } = client.open({ url: '/api/v1/messages', body: {}, signal: new AbortController().signal }, { onOpen: () => undefined, onBatch: (_batch, recorded) => times.push(...recorded) });
    await done;
    const record = await log.readFinal();
    expect(times).toHaveLength(EVENTS.length);
    expect(times).toEqual(Array.from(record?.times ?? []));
  });

  it('keeps the times its events first arrived at, counted from the first send, and shows only what the page had not', async () => {
    const { fetchImpl, calls } = keptStreamProxy(KEPT.length);
    const shown = 5;
    // Saved by the page before the reload: sent a minute ago, events 0..5 at 100, 200, ... ms after.
    const sentAt = Date.now() - 60_000;
    const saved = Array.from({ length: shown + 1 }, (_, i) => 100 * (i + 1));
    const arrivals: Arrival[] = [];
    const handed: number[] = [];
    const client = createStreamClient({ fetch: fetchImpl });
    const { done, log } = client.open(
      { url: '/api/v1/messages', body: { messages: [] }, signal: new AbortController().signal, resume: { streamId: 's1', lastEventId: String(shown), sentAt, times: saved } },
      { onOpen: () => undefined, onBatch: (batch, recorded) => (arrivals.push(...batch), handed.push(...recorded)) },
    );
    expect((await done).end).toEqual({ kind: 'eof' });
    expect(calls.map((c) => `${c.method} ${c.url} ${c.lastEventId}`)).toEqual(['GET /api/streams/s1 null']);
    const record = await log.readFinal();
    expect(record?.body).toBe(KEPT);
    expect(record?.sentAt).toBe(sentAt);
    // The page that sent the request is gone: its body is not known here (an empty list would be a lie).
    expect(record?.request).toBeNull();
    const times = Array.from(record?.times ?? []);
    expect(times).toHaveLength(EVENTS.length);
    expect(times.slice(0, shown + 1)).toEqual(saved);
    for (const later of times.slice(shown + 1)) expect(later).toBeGreaterThanOrEqual(59_000);
    expect(record?.marks.firstByte).toBe(100);
    // The page keeps every time (for another reload) but is handed only the events it had not shown.
    expect(handed).toEqual(times);
    const direct: Arrival[] = [];
    await createStreamClient({ fetch: async () => new Response(EVENTS.slice(shown + 1).join(''), { headers: { 'content-type': 'text/event-stream' } }) })
      .open({ url: '/api/v1/messages', body: {}, signal: new AbortController().signal }, { onOpen: () => undefined, onBatch: (batch) => direct.push(...batch) }).done;
    expect(textOf(arrivals)).toBe(textOf(direct));
    expect(arrivals.length).toBeGreaterThan(0);
  });

  it('places times by event id when a block brings no message (a comment takes an id from the proxy, as its framer numbers every block)', async () => {
    // Event 3 is a keep-alive comment: the proxy gives it an id, the parser dispatches nothing for it.
    const withComment = [...EVENTS.slice(0, 3), 'id: 3\n: keep-alive\n\n', ...EVENTS.slice(3).map((e, i) => e.replace(/^id: \d+/, `id: ${i + 4}`))];
    const body = withComment.join('');
    const sse = { 'content-type': 'text/event-stream', 'x-stream-id': 's2' };
    const first: number[] = [];
    const firstClient = createStreamClient({ fetch: async () => new Response(body, { headers: sse }) });
    const opened = firstClient.open({ url: '/api/v1/messages', body: {}, signal: new AbortController().signal }, { onOpen: () => undefined, onBatch: (_batch, recorded) => first.push(...recorded) });
    await opened.done;
    const original = Array.from((await opened.log.readFinal())?.times ?? []);
    expect(first).toHaveLength(withComment.length);
    expect(Number.isNaN(first[3])).toBe(true);
    expect(first.filter((t) => !Number.isNaN(t))).toEqual(original);
    // A reload after event 5: the saved times, by id, give every shown event its first time again.
    const sentAt = Date.now() - 60_000;
    const client = createStreamClient({ fetch: async () => new Response(body, { headers: sse }) });
    const { done, log } = client.open(
      { url: '/api/v1/messages', body: {}, signal: new AbortController().signal, resume: { streamId: 's2', lastEventId: '5', sentAt, times: first.slice(0, 6) } },
      { onOpen: () => undefined, onBatch: () => undefined },
    );
    await done;
    const times = Array.from((await log.readFinal())?.times ?? []);
    expect(times.slice(0, 5)).toEqual(original.slice(0, 5));
    for (const later of times.slice(5)) expect(later).toBeGreaterThanOrEqual(59_000);
  });
});
