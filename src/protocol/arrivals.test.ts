import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyArrival, arrivalChars, createArrivalJoiner } from './arrivals';
import { decodeEvent } from './decode';
import { createStreamedMessage, toWireMessage } from './message';
import { applyDecodeError, applyEvent, endStream } from './reduce';
import { splitSse } from './test-support';

const DIR = new URL('../../fixtures/anthropic-sse/', import.meta.url);
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.sse'));

function oneByOne(messages: ReturnType<typeof splitSse>) {
  let message = createStreamedMessage(0);
  messages.forEach(({ event, data }, i) => {
    const decoded = decodeEvent(event, data);
    message = decoded.ok ? applyEvent(message, decoded.event, i * 10) : applyDecodeError(message, decoded.error);
  });
  return message;
}

describe('arrivals', () => {
  it.each(FILES)('joined at any batch size, the same message and timing as event by event: %s', (name) => {
    const messages = splitSse(readFileSync(new URL(name, DIR), 'utf8'));
    const one = oneByOne(messages);
    for (const size of [1, 2, 3, 1000]) {
      const joiner = createArrivalJoiner();
      let joined = createStreamedMessage(0);
      let count = 0;
      for (let i = 0; i < messages.length; i += size) {
        messages.slice(i, i + size).forEach(({ event, data }, k) => joiner.add(event, data, (i + k) * 10));
        const batch = joiner.take();
        count += batch.length;
        for (const arrival of batch) joined = applyArrival(joined, arrival);
      }
      expect(toWireMessage(joined)).toEqual(toWireMessage(one));
      expect(joined.timing).toEqual(one.timing);
      expect(joined.error).toEqual(one.error);
      const values = (m: typeof one) => endStream(m, { kind: 'eof' }, 1).blocks.map((b) => b.kind === 'tool_input' && b.parser.value);
      expect(values(joined)).toEqual(values(one));
      const deltas = messages.filter((m) => m.event === 'content_block_delta').length;
      if (size === 1000 && deltas > 2) expect(count).toBeLessThan(messages.length);
    }
  });

  it('keeps when the first and the last delta of a run arrived, and counts their characters', () => {
    const joiner = createArrivalJoiner();
    const delta = (text: string) => JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });
    joiner.add('content_block_delta', delta('Hel'), 5);
    joiner.add('content_block_delta', delta('lo'), 7);
    joiner.add('content_block_delta', delta('!'), 9);
    joiner.add('ping', '{"type":"ping"}', 11);
    const [run, ping] = joiner.take();
    expect(run).toMatchObject({ ok: true, at: 5, lastAt: 9, event: { delta: { text: 'Hello!' } } });
    expect(ping).toMatchObject({ ok: true, at: 11, lastAt: 11 });
    expect(run === undefined ? -1 : arrivalChars(run)).toBe(6);
    expect(joiner.take()).toEqual([]);
  });

  it('never joins across an unreadable message: the error keeps its place', () => {
    const joiner = createArrivalJoiner();
    const delta = JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'a' } });
    joiner.add('content_block_delta', delta, 1);
    joiner.add('content_block_delta', '{not json', 2);
    joiner.add('content_block_delta', delta, 3);
    expect(joiner.take().map((a) => (a.ok ? a.at : `error@${a.at}`))).toEqual([1, 'error@2', 3]);
  });

  it("reads a run's later deltas without decoding them, with the same result as decoding each", () => {
    const compact = (index: number, type: string, field: string, value: string) => `{"type":"content_block_delta","index":${index},"delta":{"type":"${type}","${field}":${JSON.stringify(value)}}}`;
    const messages: Array<[string, string]> = [
      ['content_block_delta', compact(0, 'text_delta', 'text', 'plain ')],
      ['content_block_delta', compact(0, 'text_delta', 'text', 'escaped \n "quote" ').replace('"}}', '\\u00e9 é 🎉\\n"}}')],
      ['content_block_delta', JSON.stringify({ delta: { text: ' reordered', type: 'text_delta' }, index: 0, type: 'content_block_delta' })],
      ['content_block_delta', `${compact(0, 'text_delta', 'text', ' padded')} `],
      ['content_block_delta', compact(0, 'text_delta', 'text', '')],
      ['content_block_delta', compact(1, 'text_delta', 'text', 'other block')],
      ['content_block_delta', compact(1, 'thinking_delta', 'thinking', 'other kind')],
      ['content_block_delta', compact(1, 'thinking_delta', 'thinking', ' and more')],
      ['content_block_delta', compact(1, 'thinking_delta', 'thinking', 'x').replace('"x"', '"x"y"')],
      ['content_block_delta', compact(1, 'thinking_delta', 'thinking', 'after')],
      ['content_block_delta', compact(10, 'thinking_delta', 'thinking', 'index 10')],
      ['content_block_delta', compact(1, 'input_json_delta', 'partial_json', '{"a":')],
      ['content_block_delta', compact(1, 'input_json_delta', 'partial_json', '1}')],
    ];
    const joiner = createArrivalJoiner();
    messages.forEach(([event, data], i) => joiner.add(event, data, i));
    const joined = joiner.take().map((a) => (a.ok && a.event.type === 'content_block_delta' ? [a.event.index, a.event.delta.type, JSON.stringify(a.event.delta), a.at, a.lastAt] : ['error', a.at]));
    const decoded = messages.map(([event, data]) => decodeEvent(event, data));
    const pieceOf = (d: ReturnType<typeof decodeEvent>) => {
      if (!d.ok || d.event.type !== 'content_block_delta') return '';
      const { delta } = d.event;
      return delta.type === 'text_delta' ? delta.text : delta.type === 'thinking_delta' ? delta.thinking : delta.type === 'input_json_delta' ? delta.partial_json : '';
    };
    const pieces = (from: number, to: number) => decoded.slice(from, to + 1).map(pieceOf).join('');
    expect(joined).toEqual([
      [0, 'text_delta', JSON.stringify({ type: 'text_delta', text: pieces(0, 4) }), 0, 4],
      [1, 'text_delta', JSON.stringify({ type: 'text_delta', text: 'other block' }), 5, 5],
      [1, 'thinking_delta', JSON.stringify({ type: 'thinking_delta', thinking: 'other kind and more' }), 6, 7],
      ['error', 8],
      [1, 'thinking_delta', JSON.stringify({ type: 'thinking_delta', thinking: 'after' }), 9, 9],
      [10, 'thinking_delta', JSON.stringify({ type: 'thinking_delta', thinking: 'index 10' }), 10, 10],
      [1, 'input_json_delta', JSON.stringify({ type: 'input_json_delta', partial_json: '{"a":1}' }), 11, 12],
    ]);
    expect(pieces(0, 4)).toBe('plain escaped \n "quote" é é 🎉\n reordered padded');
  });
});
