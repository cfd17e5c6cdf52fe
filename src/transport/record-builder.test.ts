import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeSseFile, encodeSseFile, recordEntries, type StreamRecord } from '../record';
import { fakeFetch, installBrowserShims } from './node-shims';
import { createRecordBuilder } from './record-builder';
import { createStreamService } from './stream-service';
import { streamMessage } from './stream-message';
import type { FromService, StreamRequest } from './types';

beforeAll(() => {
  installBrowserShims();
});

const DIRS = ['../../fixtures/anthropic-sse/', '../../fixtures/generated/'].map((d) => new URL(d, import.meta.url));
const FILES = DIRS.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.sse')).map((f) => new URL(f, dir)));

/** Cuts after every CR and inside multi-byte characters, plus every 7 bytes: the splits that break line parsers. */
function hostile(bytes: Uint8Array): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0x0d || (b >= 0xc0 && b <= 0xf7) || i % 7 === 6) {
      chunks.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) chunks.push(bytes.subarray(start));
  return chunks;
}

describe('record builder', () => {
  it.each(FILES.map((url) => [url.pathname.split('/').slice(-2).join('/'), url] as const))('keeps the bytes as text and each delivered message with the time of its read: %s', async (_name, url) => {
    const bytes = new Uint8Array(readFileSync(url));
    for (const chunks of [[bytes], hostile(bytes)]) {
      const builder = createRecordBuilder({ sentAt: 0, startedAt: 0, request: Promise.resolve(null) });
      const delivered: Array<[string, string, number]> = [];
      let read = 0;
      await streamMessage(
        { url: '/x', body: {}, signal: new AbortController().signal, fetch: fakeFetch(() => ({ chunks })) },
        {
          onOpen: () => undefined,
          onChunk: (chunk) => builder.chunk(chunk, ++read),
          onMessage: (event, data) => {
            builder.message(event, read);
            delivered.push([event || 'message', data, read]);
          },
        },
      );
      builder.end({ kind: 'eof' });
      const record = await builder.snapshot();
      expect(record.body).toBe(new TextDecoder().decode(bytes));
      expect(recordEntries(record).map((e) => [e.event, e.data, e.at])).toEqual(delivered);
      expect(record.marks).toEqual({ firstByte: 1, firstContentDelta: delivered.find((d) => d[0] === 'content_block_delta')?.[2] ?? null, lastByte: chunks.length });
    }
  });
});

const SSE = readFileSync(new URL('../../fixtures/anthropic-sse/sdk-ts-basic-text.sse', import.meta.url), 'utf8');

function serviceRun(request: StreamRequest, fetchImpl: typeof fetch): Promise<{ record: StreamRecord | null; messages: FromService[] }> {
  const messages: FromService[] = [];
  let service = (_m: Parameters<ReturnType<typeof createStreamService>>[0]) => undefined as void;
  return new Promise((resolve) => {
    service = createStreamService(
      (message) => {
        messages.push(message);
        if (message.type === 'end') service({ type: 'read', id: 1, seq: 1, final: true });
        if (message.type === 'record') resolve({ record: message.record, messages });
      },
      { fetch: fetchImpl },
    );
    service({ type: 'start', id: 1, request, timeOrigin: performance.timeOrigin, startedAt: performance.now(), sentAt: Date.now() });
  });
}

describe('the service records each request', () => {
  it('with the request as sent, the kept response headers and the marks', async () => {
    const headers = { 'content-type': 'text/event-stream', 'request-id': 'req_9', 'anthropic-ratelimit-requests-remaining': '7', 'set-cookie': 'no', 'x-other': 'no' };
    const { record } = await serviceRun({ url: '/api/v1/messages', body: { model: 'm', messages: [] }, headers: { 'anthropic-version': '2023-06-01', 'x-api-key': 'never' } }, fakeFetch(() => ({ headers, chunks: [SSE] })));
    expect(record?.request).toEqual({ method: 'POST', path: '/v1/messages', headers: { 'anthropic-version': '2023-06-01' }, body: { model: 'm', messages: [] } });
    expect(record?.response).toEqual({ status: 200, headers: { 'content-type': 'text/event-stream', 'request-id': 'req_9', 'anthropic-ratelimit-requests-remaining': '7' } });
    expect(record?.body).toBe(SSE);
    expect(record?.end).toEqual({ kind: 'eof' });
    expect(record?.marks.firstContentDelta).not.toBeNull();
  });

  it('with an HTTP error body as it came', async () => {
    const body = '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_e"}';
    const { record } = await serviceRun({ url: '/api/v1/messages', body: {} }, fakeFetch(() => ({ status: 529, headers: { 'content-type': 'application/json', 'request-id': 'req_e' }, chunks: [body] })));
    expect(record?.response?.status).toBe(529);
    expect(record?.body).toBe(body);
    expect(record?.times).toHaveLength(0);
    expect(record?.end?.kind).toBe('failed');
  });

  it('a full-speed replay gives back the recorded record: bytes, times, request and end', async () => {
    const fetchOnce = vi.fn(fakeFetch(() => ({ chunks: [SSE] })));
    const { record: original } = await serviceRun({ url: '/api/v1/messages', body: { model: 'm' } }, fetchOnce);
    if (original === null || original.response === null) throw new Error('no record');
    const entries = recordEntries(original);
    expect(entries.length).toBeGreaterThan(3);
    // Cut the body into its messages, each stamped a different made-up time.
    const timed = { ...original, times: Float64Array.from(entries.map((_, i) => 100 + i * 25.5)), marks: { ...original.marks, lastByte: 100 + (entries.length - 1) * 25.5 } };
    const decoded = decodeSseFile(encodeSseFile(timed));
    const neverCalled = vi.fn(fakeFetch(() => ({ chunks: [] })));
    const { record: replayed, messages } = await serviceRun(
      { url: '/api/v1/messages', body: {}, replay: { status: 200, headers: original.response.headers, pieces: decoded.pieces, timing: 'full', request: original.request, sentAt: original.sentAt, marks: timed.marks } },
      neverCalled,
    );
    expect(neverCalled).not.toHaveBeenCalled();
    expect(replayed).toEqual(timed);
    const end = messages.find((m) => m.type === 'end');
    const first = messages.find((m) => m.type === 'batch');
    expect(end?.type === 'end' && first?.type === 'batch' ? end.at - (first.arrivals[0]?.at ?? 0) : null).toBeCloseTo(timed.marks.lastByte - 100, 3);
  });
});
