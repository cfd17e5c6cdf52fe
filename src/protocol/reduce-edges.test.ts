// The reducer's edges, one rule each: out-of-order events, deltas that do not
// fit their block, usage merging, errors and the ways a stream ends.
import { describe, expect, it } from 'vitest';
import { createStreamedMessage, type StreamedMessage } from './message';
import { applyDecodeError, applyEvent, endStream } from './reduce';
import type { StreamEvent } from './wire';

const HEADER = { id: 'm', type: 'message', role: 'assistant', model: 'claude-x', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } };
const START = { type: 'message_start', message: HEADER };
const apply = (events: readonly unknown[], from: StreamedMessage = createStreamedMessage(0)) =>
  events.reduce((m: StreamedMessage, e, i) => applyEvent(m, e as StreamEvent, 100 + i), from);
const blockStart = (index: number, content_block: Record<string, unknown>) => ({ type: 'content_block_start', index, content_block });
const delta = (index: number, d: Record<string, unknown>) => ({ type: 'content_block_delta', index, delta: d });
const stop = (index: number) => ({ type: 'content_block_stop', index });

describe('events out of order', () => {
  it('ignores blocks and stops before message_start, and a second message_start', () => {
    const early = apply([blockStart(0, { type: 'text', text: '' }), { type: 'message_stop' }, { type: 'message_delta', delta: { stop_reason: 'end_turn' } }]);
    expect(early).toEqual(createStreamedMessage(0));
    const twice = apply([START, { type: 'message_start', message: { ...HEADER, id: 'other' } }]);
    expect(twice.header?.id).toBe('m');
    expect(twice.timing.lastEventAt).toBe(100);
  });

  it('ignores deltas and stops for a block never started, and everything after the end', () => {
    const message = apply([START, delta(3, { type: 'text_delta', text: 'x' }), stop(3)]);
    expect(message.blocks).toEqual([]);
    expect(message.timing.firstTokenAt).toBeNull();
    const ended = apply([START, { type: 'message_stop' }]);
    expect(apply([blockStart(0, { type: 'text', text: '' })], ended)).toBe(ended);
  });

  it('message_stop completes the message and says it was seen', () => {
    const message = apply([START, { type: 'message_stop' }]);
    expect(message).toMatchObject({ status: 'complete', sawMessageStop: true, error: null, timing: { completedAt: 101 } });
  });
});

describe('deltas and their blocks', () => {
  const blocks = [
    START,
    blockStart(0, { type: 'text', text: '' }),
    blockStart(1, { type: 'thinking', thinking: '', signature: '' }),
    blockStart(2, { type: 'tool_use', id: 't', name: 'calc', input: {} }),
    blockStart(3, { type: 'server_tool_use', id: 's', name: 'web_search', input: {} }),
    blockStart(4, { type: 'sim_hologram', shape: 'tesseract' }),
  ];

  it('applies each delta to the block of its kind and ignores it on any other', () => {
    const message = apply([
      ...blocks,
      delta(0, { type: 'text_delta', text: 'Hi' }),
      delta(0, { type: 'citations_delta', citation: { type: 'char_location', cited_text: 'c' } }),
      delta(0, { type: 'citations_delta', citation: { type: 'char_location', cited_text: 'd' } }),
      delta(1, { type: 'thinking_delta', thinking: 'Hm' }),
      delta(1, { type: 'thinking_delta', thinking: 'm' }),
      delta(1, { type: 'signature_delta', signature: 'one' }),
      delta(1, { type: 'signature_delta', signature: 'two' }),
      delta(2, { type: 'input_json_delta', partial_json: '{"a":' }),
      delta(3, { type: 'input_json_delta', partial_json: '{"query":"x"}' }),
      delta(4, { type: 'hologram_delta', turn: 1 }),
      // Misfits, each ignored.
      delta(1, { type: 'text_delta', text: 'no' }),
      delta(1, { type: 'citations_delta', citation: {} }),
      delta(0, { type: 'thinking_delta', thinking: 'no' }),
      delta(0, { type: 'signature_delta', signature: 'no' }),
      delta(0, { type: 'input_json_delta', partial_json: 'no' }),
      delta(0, { type: 'hologram_delta', turn: 2 }),
    ]);
    const [text, thinking, tool, server, opaque] = message.blocks;
    expect(text).toMatchObject({ kind: 'text', block: { text: 'Hi', citations: [{ cited_text: 'c' }, { cited_text: 'd' }] } });
    expect(thinking).toMatchObject({ kind: 'thinking', block: { thinking: 'Hmm', signature: 'two' } });
    expect(tool).toMatchObject({ kind: 'tool_input', json: '{"a":', closed: false });
    expect(server).toMatchObject({ kind: 'tool_input', json: '{"query":"x"}', block: { type: 'server_tool_use' } });
    expect(opaque).toMatchObject({ kind: 'opaque', deltas: [{ type: 'hologram_delta', turn: 1 }], closed: false });
  });

  it('marks the first token at the first delta that changed a block, and only then', () => {
    const message = apply([...blocks, delta(1, { type: 'text_delta', text: 'ignored' }), delta(0, { type: 'text_delta', text: 'a' }), delta(0, { type: 'text_delta', text: 'b' })]);
    expect(message.timing.firstTokenAt).toBe(107);
    expect(message.timing.lastEventAt).toBe(108);
  });

  it('closes blocks once; tool input becomes its exact JSON, {} when empty or blank, an error when invalid', () => {
    const message = apply([
      ...blocks,
      delta(2, { type: 'input_json_delta', partial_json: '{"a": [1, 2]}' }),
      delta(3, { type: 'input_json_delta', partial_json: '   ' }),
      stop(0),
      stop(2),
      stop(3),
      stop(4),
    ]);
    expect(message.blocks.map((b) => b.closed)).toEqual([true, false, true, true, true]);
    expect(message.blocks[2]).toMatchObject({ block: { input: { a: [1, 2] } }, inputError: null });
    expect(message.blocks[3]).toMatchObject({ block: { input: {} } });
    const again = apply([stop(0)], message);
    expect(again.blocks).toBe(message.blocks);
    const bad = apply([...blocks, delta(2, { type: 'input_json_delta', partial_json: '{"a": }' }), stop(2)]);
    expect(bad.blocks[2]).toMatchObject({ inputError: expect.stringMatching(/^The tool input is not valid JSON \(.+\)\.$/) });
    expect(bad.blocks[2]?.kind === 'tool_input' && bad.blocks[2].block.input).toBeUndefined();
  });
});

describe('message_delta', () => {
  it('replaces usage fields that are present, keeps the rest, and keeps earlier stop fields when absent', () => {
    const message = apply([
      START,
      {
        type: 'message_delta',
        delta: { stop_reason: 'pause_turn', stop_sequence: 'X', stop_details: { type: 'refusal' }, container: { id: 'c' } },
        usage: { output_tokens: 5, input_tokens: null, cache_creation_input_tokens: 3, cache_read_input_tokens: 4, server_tool_use: { web_search_requests: 1 }, output_tokens_details: { thinking_tokens: 2 } },
      },
      { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { input_tokens: 12, server_tool_use: null, output_tokens_details: null } },
      { type: 'message_delta', delta: {}, usage: null },
    ]);
    expect(message.header).toMatchObject({
      stop_reason: 'end_turn',
      stop_sequence: 'X',
      stop_details: { type: 'refusal' },
      container: { id: 'c' },
      usage: { input_tokens: 12, output_tokens: 5, cache_creation_input_tokens: 3, cache_read_input_tokens: 4, server_tool_use: { web_search_requests: 1 }, output_tokens_details: { thinking_tokens: 2 } },
    });
  });

  it('does not touch the header of the message_start event it came from', () => {
    const header = { ...HEADER, usage: { ...HEADER.usage } };
    apply([{ type: 'message_start', message: header }, { type: 'message_delta', delta: {}, usage: { output_tokens: 99 } }]);
    expect(header.usage.output_tokens).toBe(1);
  });
});

describe('errors and the end of a stream', () => {
  it('an error event ends the message with it, defaults filled in', () => {
    expect(apply([START, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }])).toMatchObject({
      status: 'error',
      error: { kind: 'api', status: null, type: 'overloaded_error', message: 'Overloaded', requestId: null, retryAfterSeconds: null },
    });
    expect(apply([START, { type: 'error', error: { type: 5 } }]).error).toEqual({ kind: 'api', status: null, type: 'api_error', message: 'The stream reported an error.', requestId: null, retryAfterSeconds: null });
  });

  it('ends by eof (incomplete unless an error came first), abort (stopped) or failure (error for the API, interrupted otherwise)', () => {
    const open = apply([START, blockStart(0, { type: 'tool_use', id: 't', name: 'c', input: {} }), delta(0, { type: 'input_json_delta', partial_json: '{"x": 1}' })]);
    const eof = endStream(open, { kind: 'eof' }, 900);
    expect(eof).toMatchObject({ status: 'interrupted', error: { kind: 'incomplete' }, timing: { completedAt: 900 } });
    // Blocks left open are closed, tool input finalised.
    expect(eof.blocks[0]).toMatchObject({ closed: true, block: { input: { x: 1 } } });
    const malformed = { kind: 'malformed', event: 'e', detail: 'd' } as const;
    expect(endStream(applyDecodeError(open, malformed), { kind: 'eof' }, 900).error).toEqual(malformed);
    expect(endStream(open, { kind: 'aborted' }, 900)).toMatchObject({ status: 'stopped', error: null });
    const api = { kind: 'api', status: 529, type: 'overloaded_error', message: 'm', requestId: null, retryAfterSeconds: null } as const;
    expect(endStream(open, { kind: 'failed', error: api }, 900)).toMatchObject({ status: 'error', error: api });
    expect(endStream(open, { kind: 'failed', error: { kind: 'network', message: 'reset' } }, 900)).toMatchObject({ status: 'interrupted', error: { kind: 'network' } });
    expect(endStream(eof, { kind: 'aborted' }, 999)).toBe(eof);
  });

  it('keeps the first decode error only, and none after the end', () => {
    const first = { kind: 'malformed', event: 'a', detail: 'one' } as const;
    const message = applyDecodeError(applyDecodeError(apply([START]), first), { kind: 'malformed', event: 'b', detail: 'two' });
    expect(message.error).toEqual(first);
    const ended = apply([START, { type: 'message_stop' }]);
    expect(applyDecodeError(ended, first)).toBe(ended);
  });

  it('leaves closed blocks as they are when the message ends', () => {
    const closed = apply([START, blockStart(0, { type: 'text', text: '' }), stop(0)]);
    expect(apply([{ type: 'message_stop' }], closed).blocks).toBe(closed.blocks);
  });
});
