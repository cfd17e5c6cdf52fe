import { describe, expect, it } from 'vitest';
import { pacedBody, pacedResponse, type Pacing } from './paced-body';

function source(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
}

/** A clock the consumer advances by the "parsing time" of each slice, and a yield that just counts. */
function fakePacing(sliceBytes: number, budgetMs: number) {
  let clock = 0;
  const yields: number[] = [];
  const pacing: Pacing = {
    sliceBytes,
    budgetMs,
    now: () => clock,
    yieldTask: async () => {
      yields.push(clock);
    },
  };
  return { pacing, yields, spend: (ms: number) => (clock += ms) };
}

async function readAll(stream: ReadableStream<Uint8Array>, onSlice: (slice: Uint8Array) => void = () => undefined): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(value);
    onSlice(value);
  }
}

const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

describe('pacedBody', () => {
  it('hands over every byte, in order, in slices no larger than the slice size', async () => {
    const { pacing } = fakePacing(4, 1000);
    const input = [Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), Uint8Array.from([11]), Uint8Array.from([12, 13, 14, 15, 16])];
    const slices = await readAll(pacedBody(source(input), pacing));
    expect(slices.map((s) => s.length)).toEqual([4, 4, 2, 1, 4, 1]);
    expect(slices.flatMap((s) => [...s])).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });

  it('yields to a new task once the consumer has spent the budget, and not before', async () => {
    const { pacing, yields, spend } = fakePacing(10, 8);
    // 10 slices; the consumer spends 3 ms on each: a yield after every third slice (9 ms >= 8).
    await readAll(pacedBody(source([bytes(100)]), pacing), () => spend(3));
    expect(yields).toEqual([9, 18, 27]);
  });

  it('calls onPause just before each pause for a frame', async () => {
    const { pacing, yields, spend } = fakePacing(10, 8);
    const pauses: number[] = [];
    await readAll(pacedBody(source([bytes(100)]), pacing, { onPause: () => pauses.push(yields.length) }), () => spend(3));
    expect(pauses).toEqual([0, 1, 2]);
  });

  it('never yields while the consumer is quick', async () => {
    const { pacing, yields } = fakePacing(10, 8);
    await readAll(pacedBody(source([bytes(1000)]), pacing));
    expect(yields).toEqual([]);
  });

  it('hands over nothing more once the request is aborted, not even the rest of a chunk already read', async () => {
    const abort = new AbortController();
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes(10));
      },
      cancel() {
        cancelled = true;
      },
    });
    const reader = pacedBody(body, fakePacing(2, 1000).pacing, { signal: abort.signal }).getReader();
    expect((await reader.read()).value).toHaveLength(2);
    abort.abort(new DOMException('stopped', 'AbortError'));
    await expect(reader.read()).rejects.toThrow('stopped');
    expect(cancelled).toBe(true);
  });

  it('passes cancellation through to the network body', async () => {
    let cancelled: unknown = null;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(bytes(4));
      },
      cancel(reason) {
        cancelled = reason;
      },
    });
    const reader = pacedBody(body, fakePacing(2, 8).pacing).getReader();
    await reader.read();
    await reader.cancel('stop');
    expect(cancelled).toBe('stop');
  });
});

describe('pacedResponse', () => {
  it('keeps status and headers and paces the body', async () => {
    const response = new Response(source([bytes(5)]), { status: 200, headers: { 'content-type': 'text/event-stream', 'request-id': 'req_1' } });
    const paced = pacedResponse(response, fakePacing(2, 8).pacing);
    expect(paced.status).toBe(200);
    expect(paced.headers.get('request-id')).toBe('req_1');
    expect((await readAll(paced.body as ReadableStream<Uint8Array>)).map((s) => s.length)).toEqual([2, 2, 1]);
  });

  it('returns an error response untouched, so its body can be read as text', async () => {
    const response = new Response('{"type":"error"}', { status: 429 });
    expect(pacedResponse(response)).toBe(response);
  });
});
