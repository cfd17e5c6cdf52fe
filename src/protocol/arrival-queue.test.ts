import { describe, expect, it } from 'vitest';
import { applyArrival, arrivalChars, createArrivalJoiner, createArrivalQueue, type Arrival } from './arrivals';
import { createStreamedMessage, toWireMessage } from './message';
import type { StreamEvent } from './wire';

const START = { type: 'message_start', message: { id: 'm', type: 'message', role: 'assistant', model: 'claude-x', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } };
const at = (event: unknown, time: number, lastAt = time): Arrival => ({ ok: true, event: event as StreamEvent, at: time, lastAt });
const textStart = (index: number) => ({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
const text = (index: number, value: string) => ({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: value } });

/** A message with a text block 0 started, as the queue would continue it. */
const started = () => [START, textStart(0)].reduce((m, e, i) => applyArrival(m, at(e, i)), createStreamedMessage(0));

describe('createArrivalJoiner', () => {
  const add = (joiner: ReturnType<typeof createArrivalJoiner>, event: unknown, time: number) => joiner.add((event as { type: string }).type, JSON.stringify(event), time);

  it('joins thinking and tool-input deltas too, each into its own field', () => {
    const joiner = createArrivalJoiner();
    add(joiner, { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'a' } }, 1);
    add(joiner, { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'b' } }, 2);
    add(joiner, { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"x"' } }, 3);
    add(joiner, { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: ':1}' } }, 4);
    const [thinking, json] = joiner.take();
    expect(thinking).toEqual(at({ type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'ab' } }, 1, 2));
    expect(json).toEqual(at({ type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"x":1}' } }, 3, 4));
  });

  it('starts a new run on another block or another kind of delta, and never joins signatures', () => {
    const joiner = createArrivalJoiner();
    add(joiner, text(0, 'a'), 1);
    add(joiner, text(1, 'b'), 2);
    add(joiner, { type: 'content_block_delta', index: 1, delta: { type: 'thinking_delta', thinking: 'c' } }, 3);
    add(joiner, { type: 'content_block_delta', index: 1, delta: { type: 'signature_delta', signature: 's1' } }, 4);
    add(joiner, { type: 'content_block_delta', index: 1, delta: { type: 'signature_delta', signature: 's2' } }, 5);
    const taken = joiner.take();
    expect(taken.map((a) => (a.ok ? a.at : -1))).toEqual([1, 2, 3, 4, 5]);
    // A run of one delta is that delta as decoded.
    expect(taken[0]).toEqual(at(text(0, 'a'), 1));
  });

  it('treats a delta field that is not a string as empty', () => {
    const joiner = createArrivalJoiner();
    add(joiner, text(0, 'a'), 1);
    add(joiner, { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 5 } }, 2);
    add(joiner, text(0, 'b'), 3);
    expect(joiner.take()).toEqual([at(text(0, 'ab'), 1, 3)]);
  });
});

describe('arrivalChars', () => {
  it('counts the content characters of text, thinking and tool-input deltas, and nothing else', () => {
    expect(arrivalChars(at(text(0, 'héllo'), 0))).toBe(5);
    expect(arrivalChars(at({ type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'abc' } }, 0))).toBe(3);
    expect(arrivalChars(at({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{}' } }, 0))).toBe(2);
    expect(arrivalChars(at({ type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'long signature' } }, 0))).toBe(0);
    expect(arrivalChars(at({ type: 'ping' }, 0))).toBe(0);
    expect(arrivalChars({ ok: false, error: { kind: 'malformed', event: 'x', detail: 'y' }, at: 0 })).toBe(0);
  });
});

describe('applyArrival', () => {
  it("records a joined run's last arrival as the last event time", () => {
    const message = applyArrival(started(), at(text(0, 'abc'), 10, 30));
    expect(message.timing.lastEventAt).toBe(30);
    expect(message.timing.firstTokenAt).toBe(10);
    expect(applyArrival(started(), at(text(0, 'abc'), 10)).timing.lastEventAt).toBe(10);
  });

  it('applies an unreadable message as a decode error', () => {
    const message = applyArrival(started(), { ok: false, error: { kind: 'malformed', event: 'content_block_delta', detail: 'bad' }, at: 5 });
    expect(message.error).toEqual({ kind: 'malformed', event: 'content_block_delta', detail: 'bad' });
  });
});

describe('createArrivalQueue', () => {
  it('applies a frame budget of content at a time, whole arrivals, and tracks the backlog', () => {
    const queue = createArrivalQueue();
    expect(queue.waiting()).toBe(false);
    expect(queue.backlog()).toBe(0);
    queue.push([at(text(0, 'aaaa'), 1), at(text(0, 'bbbb'), 2), at({ type: 'ping' }, 3), at(text(0, 'cc'), 4)]);
    expect(queue.backlog()).toBe(10);
    expect(queue.waiting()).toBe(true);

    let message = queue.applyTo(started(), 4);
    expect(toWireMessage(message)?.content).toEqual([{ type: 'text', text: 'aaaa' }]);
    expect(queue.backlog()).toBe(6);
    expect(queue.waiting()).toBe(true);

    // An arrival larger than the budget is applied whole: a frame always makes progress.
    message = queue.applyTo(message, 1);
    expect(toWireMessage(message)?.content).toEqual([{ type: 'text', text: 'aaaabbbb' }]);
    expect(queue.backlog()).toBe(2);

    // The ping costs nothing, so the budget carries on to the next delta.
    message = queue.applyTo(message, 1);
    expect(toWireMessage(message)?.content).toEqual([{ type: 'text', text: 'aaaabbbbcc' }]);
    expect(queue.backlog()).toBe(0);
    expect(queue.waiting()).toBe(false);

    // Once emptied it starts afresh.
    queue.push([at(text(0, 'd'), 5)]);
    expect(queue.backlog()).toBe(1);
    expect(toWireMessage(queue.applyTo(message, 100))?.content).toEqual([{ type: 'text', text: 'aaaabbbbccd' }]);
    expect(queue.waiting()).toBe(false);
  });

  it('applies everything waiting when the budget allows, in order', () => {
    const queue = createArrivalQueue();
    queue.push([at(text(0, 'x'), 1)]);
    queue.push([at(text(0, 'y'), 2), at(text(0, 'z'), 3)]);
    const message = queue.applyTo(started(), Number.POSITIVE_INFINITY);
    expect(toWireMessage(message)?.content).toEqual([{ type: 'text', text: 'xyz' }]);
    expect(queue.applyTo(message, 10)).toBe(message);
  });
});

describe('applyArrival leaves the last event time alone', () => {
  it('for a ping, which changes nothing', () => {
    const message = applyArrival(started(), at(text(0, 'a'), 10));
    expect(applyArrival(message, at({ type: 'ping' }, 50))).toBe(message);
  });

  it('for a run that arrives after the message ended', () => {
    const ended = applyArrival(started(), at({ type: 'message_stop' }, 20));
    expect(ended.status).toBe('complete');
    expect(applyArrival(ended, at(text(0, 'late'), 30, 40))).toBe(ended);
  });
});
