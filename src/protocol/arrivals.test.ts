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
});
