// The official SDK's SSE decoder cases, run through our transport (and so
// through fetch-event-source, exactly as the browser does), chunk boundaries
// included.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeFetch, installBrowserShims } from './node-shims';
import { streamMessage } from './stream-message';

interface SseCase {
  readonly name: string;
  readonly chunks_base64: readonly string[];
  readonly expected_events: ReadonlyArray<{ event: string | null; data: string }>;
}

const cases = (JSON.parse(readFileSync(new URL('../../fixtures/sse-decoder-cases.json', import.meta.url), 'utf8')) as { sse_cases: SseCase[] }).sse_cases;

beforeAll(() => {
  installBrowserShims();
});

describe('SDK SSE decoder cases through the transport', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const chunks = testCase.chunks_base64.map((b64) => new Uint8Array(Buffer.from(b64, 'base64')));
    const seen: Array<{ event: string | null; data: string }> = [];
    const end = await streamMessage(
      { url: '/x', body: {}, signal: new AbortController().signal, fetch: fakeFetch(() => ({ chunks })) },
      { onOpen: () => undefined, onMessage: (event, data) => seen.push({ event: event === '' ? null : event, data }) },
    );
    expect(end).toEqual({ kind: 'eof' });
    expect(seen).toEqual(testCase.expected_events);
  });
});
