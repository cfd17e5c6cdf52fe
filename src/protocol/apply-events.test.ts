import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEvents, joinDeltas, type TimedEvent } from './apply-events';
import { decodeEvent } from './decode';
import { createStreamedMessage, toWireMessage } from './message';
import { applyEvent, endStream } from './reduce';
import { splitSse } from './test-support';

const DIR = new URL('../../fixtures/anthropic-sse/', import.meta.url);

function timed(text: string): TimedEvent[] {
  return splitSse(text).flatMap(({ event, data }, i) => {
    const d = decodeEvent(event, data);
    return d.ok ? [{ event: d.event, at: i * 10 }] : [];
  });
}

describe('applyEvents', () => {
  it.each(readdirSync(DIR).filter((f) => f.endsWith('.sse')))('equals applying one by one, at any batch size: %s', (name) => {
    const events = timed(readFileSync(new URL(name, DIR), 'utf8'));
    let one = createStreamedMessage(0);
    for (const e of events) one = applyEvent(one, e.event, e.at);
    for (const size of [1, 2, 3, 1000]) {
      let batched = createStreamedMessage(0);
      for (let i = 0; i < events.length; i += size) batched = applyEvents(batched, events.slice(i, i + size));
      expect(toWireMessage(batched)).toEqual(toWireMessage(one));
      expect(batched.timing).toEqual(one.timing);
      expect(batched.status).toEqual(one.status);
      expect(endStream(batched, { kind: 'eof' }, 1).blocks.map((b) => b.kind === 'tool_input' && b.parser.value)).toEqual(
        endStream(one, { kind: 'eof' }, 1).blocks.map((b) => b.kind === 'tool_input' && b.parser.value),
      );
    }
  });
});

describe('joinDeltas', () => {
  it.each(readdirSync(DIR).filter((f) => f.endsWith('.sse')))('gives fewer events with the same result: %s', (name) => {
    const events = timed(readFileSync(new URL(name, DIR), 'utf8')).map((e) => e.event);
    let one = createStreamedMessage(0);
    for (const e of events) one = applyEvent(one, e, 5);
    for (const size of [2, 7, 1000]) {
      let joined = createStreamedMessage(0);
      let count = 0;
      for (let i = 0; i < events.length; i += size) {
        const batch = joinDeltas(events.slice(i, i + size));
        count += batch.length;
        for (const e of batch) joined = applyEvent(joined, e, 5);
      }
      expect(toWireMessage(joined)).toEqual(toWireMessage(one));
      expect(count).toBeLessThanOrEqual(events.length);
      if (size === 1000 && events.filter((e) => e.type === 'content_block_delta').length > 2) expect(count).toBeLessThan(events.length);
    }
  });
});
