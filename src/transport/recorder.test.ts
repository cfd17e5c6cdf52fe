import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeFetch, installBrowserShims } from './node-shims';
import { createRecorder, forEachRaw } from './recorder';
import { streamMessage } from './stream-message';

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

describe('stream record', () => {
  it.each(FILES.map((url) => [url.pathname.split('/').slice(-2).join('/'), url] as const))('lists exactly the messages the stream delivered, each with the time of its chunk: %s', async (_name, url) => {
    for (const chunks of [[new Uint8Array(readFileSync(url))], hostile(new Uint8Array(readFileSync(url)))]) {
      const recorder = createRecorder();
      const delivered: Array<[string, string, number]> = [];
      let chunkNumber = 0;
      await streamMessage(
        { url: '/x', body: {}, signal: new AbortController().signal, fetch: fakeFetch(() => ({ chunks })) },
        {
          onOpen: () => undefined,
          onChunk: (bytes) => recorder.addChunk(bytes, ++chunkNumber),
          onMessage: (event, data) => delivered.push([event, data, chunkNumber]),
        },
      );
      const listed: Array<[string, string, number]> = [];
      forEachRaw(recorder.snapshot(), (event, data, at) => listed.push([event, data, at]));
      expect(listed).toEqual(delivered);
      expect(listed.length).toBeGreaterThan(0);
    }
  });
});
