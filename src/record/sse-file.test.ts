import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeSseFile, encodeSseFile } from './sse-file';
import { RECORD_VERSION, type StreamRecord } from './types';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

function recordOf(body: string, times: number[]): StreamRecord {
  return {
    version: RECORD_VERSION,
    sentAt: Date.parse('2026-12-07T10:00:00.123Z'),
    request: { method: 'POST', path: '/v1/messages', headers: { 'anthropic-version': '2023-06-01' }, body: { model: 'claude-x', messages: [{ role: 'user', content: 'héllo 👋' }] } },
    response: { status: 200, headers: { 'content-type': 'text/event-stream', 'request-id': 'req_1', 'anthropic-ratelimit-requests-remaining': '99' } },
    body,
    times: Float64Array.from(times),
    marks: { firstByte: times[0] ?? null, firstContentDelta: times[2] ?? null, lastByte: times.at(-1) ?? null },
    end: { kind: 'eof' },
  };
}

const eventsIn = (text: string) => (text.match(/\n\n|\r\n\r\n|\r\r/g) ?? []).length;

describe('.sse files', () => {
  it.each(['anthropic-sse/sdk-ts-tool-use.sse', 'generated/sdk-ts-basic-text.crlf.sse', 'generated/sdk-ts-basic-text.cr.sse', 'generated/sdk-ts-basic-text.comments.sse', 'generated/sim-echo.sse'])('round-trips a record exactly: %s', (name) => {
    const body = fixture(name);
    const count = decodeSseFile(body).pieces.length;
    const times = Array.from({ length: count }, (_, i) => 250.125 + i * 13.3333);
    const record = recordOf(body, times.map((t) => Math.round(t * 1000) / 1000));
    const decoded = decodeSseFile(encodeSseFile(record));
    expect(decoded.record).toEqual(record);
    expect(decoded.timed).toBe(true);
    expect(decoded.problems).toEqual([]);
    // Each piece is one message, at its time, and together they are the body.
    expect(decoded.pieces.map((p) => p.text).join('')).toBe(body);
    expect(decoded.pieces.map((p) => p.at)).toEqual([...record.times]);
  });

  it('keeps multi-byte characters and every byte of the body', () => {
    const body = 'event: content_block_delta\ndata: {"delta":{"text":"日本語 👋🏽 é"}}\n\n';
    const record = recordOf(body, [5]);
    expect(decodeSseFile(encodeSseFile(record)).record.body).toBe(body);
  });

  it('reads a transcript without annotations as untimed, one piece per event', () => {
    const body = fixture('anthropic-sse/docs-basic-text.sse');
    const decoded = decodeSseFile(body);
    expect(decoded.timed).toBe(false);
    expect(decoded.record.body).toBe(body);
    expect(decoded.record.request).toBeNull();
    expect(decoded.pieces.every((p) => p.at === null)).toBe(true);
    expect(decoded.pieces.length).toBeGreaterThanOrEqual(eventsIn(body));
    expect(decoded.problems).toEqual([]);
  });

  it('says what is wrong with a file that is not SSE, and that nothing can be replayed', () => {
    const decoded = decodeSseFile('{"type":"message","content":[]}\n');
    expect(decoded.replayable).toBe(false);
    expect(decoded.problems).toEqual(['The file holds no server-sent events: it is not an .sse stream.']);
  });

  it('replays what it can of a stream that breaks off, and says so', () => {
    const body = fixture('anthropic-sse/sdk-ts-basic-text.sse');
    const cut = body.slice(0, Math.floor(body.length / 2));
    const decoded = decodeSseFile(cut);
    expect(decoded.replayable).toBe(true);
    expect(decoded.record.body).toBe(cut);
    expect(decoded.problems.join(' ')).toMatch(/breaks off|before message_stop/);
  });

  it('falls back to full speed when the timing lines do not match the events, and reads on past a bad annotation', () => {
    const body = 'event: a\ndata: 1\n\nevent: message_stop\ndata: 2\n\n';
    const file = encodeSseFile(recordOf(body, [1, 2])).replace(':@t 2\n', '').replace(/:@request .*\n/, ':@request {not json\n');
    const decoded = decodeSseFile(file);
    expect(decoded.timed).toBe(false);
    expect(decoded.record.body).toBe(body);
    expect(decoded.record.request).toBeNull();
    expect(decoded.problems).toHaveLength(2);
  });

  it('keeps an HTTP error body as the record of a failed request', () => {
    const body = '{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}';
    const record: StreamRecord = { ...recordOf(body, []), response: { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '3' } } };
    const decoded = decodeSseFile(encodeSseFile(record));
    expect(decoded.record).toEqual(record);
    expect(decoded.replayable).toBe(true);
    expect(decoded.problems).toEqual([]);
  });
});
