import { readdirSync, readFileSync } from 'node:fs';
import { getLines, getMessages } from '@microsoft/fetch-event-source/lib/esm/parse.js';
import { describe, expect, it } from 'vitest';
import { segmentSse } from './segment';

const DIRS = ['../../fixtures/anthropic-sse/', '../../fixtures/generated/'].map((d) => new URL(d, import.meta.url));
const FILES = DIRS.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.sse')).map((f) => new URL(f, dir)));

/** What the stream's own parser (fetch-event-source) dispatches, blank messages dropped as the app drops them. */
function dispatched(bytes: Uint8Array): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const parse = getLines(
    getMessages(
      () => undefined,
      () => undefined,
      ({ event, data }) => {
        if (event !== '' || data !== '') out.push([event, data]);
      },
    ),
  );
  parse(bytes);
  return out;
}

describe('segmentSse', () => {
  it.each(FILES.map((url) => [url.pathname.split('/').slice(-2).join('/'), url] as const))('finds exactly the messages the stream parser dispatches: %s', (_name, url) => {
    const bytes = new Uint8Array(readFileSync(url));
    const { messages } = segmentSse(new TextDecoder().decode(bytes));
    expect(messages.map((m) => [m.event, m.data])).toEqual(dispatched(bytes));
  });

  it('ends each message just past its blank line, CRLF, CR or LF', () => {
    const text = 'event: a\r\ndata: 1\r\n\r\n: comment\r\rdata: 2\n\n';
    const { messages, brokenOff } = segmentSse(text);
    expect(messages.map((m) => text.slice(0, m.end))).toEqual(['event: a\r\ndata: 1\r\n\r\n', text]);
    expect(brokenOff).toBe(false);
  });

  it('says when the text stops inside a message', () => {
    expect(segmentSse('data: 1\n\ndata: 2\n').brokenOff).toBe(true);
    expect(segmentSse('data: 1\n\ndata: 2').brokenOff).toBe(true);
    expect(segmentSse('data: 1\n\n').brokenOff).toBe(false);
  });
});
