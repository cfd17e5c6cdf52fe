import { describe, expect, it } from 'vitest';
import { createStreamedMessage, toWireBlock, toWireMessage, toolInputOf } from './message';
import { applyEvent } from './reduce';
import type { StreamEvent } from './wire';

const apply = (events: readonly unknown[]) => events.reduce((m: ReturnType<typeof createStreamedMessage>, e, i) => applyEvent(m, e as StreamEvent, i), createStreamedMessage(0));
const START = { type: 'message_start', message: { id: 'm', type: 'message', role: 'assistant', model: 'claude-x', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } };
const TOOL = { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 't', name: 'calculator', input: {} } };
const json = (partial_json: string) => ({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json } });

describe('createStreamedMessage', () => {
  it('starts empty, streaming, with only the request time known', () => {
    expect(createStreamedMessage(42)).toEqual({
      header: null,
      blocks: [],
      status: 'streaming',
      sawMessageStop: false,
      error: null,
      timing: { requestStartedAt: 42, firstTokenAt: null, lastEventAt: null, completedAt: null },
    });
  });
});

describe('tool input on the wire', () => {
  it('is the partial value while the block streams, then the final value', () => {
    const streaming = apply([START, TOOL, json('{"expression": "1 +'), json(' 2"')]);
    const block = streaming.blocks[0];
    if (block?.kind !== 'tool_input') throw new Error('expected a tool_input block');
    expect(toolInputOf(block)).toEqual({ expression: '1 + 2' });
    expect(toWireBlock(block)).toEqual({ type: 'tool_use', id: 't', name: 'calculator', input: { expression: '1 + 2' } });
    const closed = apply([START, TOOL, json('{"expression": "1 + 2"}'), { type: 'content_block_stop', index: 0 }]);
    const done = closed.blocks[0];
    if (done?.kind !== 'tool_input') throw new Error('expected a tool_input block');
    expect(toWireBlock(done)).toEqual({ type: 'tool_use', id: 't', name: 'calculator', input: { expression: '1 + 2' } });
  });

  it('is an empty object before any input arrives', () => {
    const block = apply([START, TOOL]).blocks[0];
    if (block?.kind !== 'tool_input') throw new Error('expected a tool_input block');
    expect(toolInputOf(block)).toEqual({});
  });

  it('other blocks go out as they are', () => {
    const message = apply([START, { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'hi' } }]);
    const block = message.blocks[0];
    if (block === undefined) throw new Error('expected a block');
    expect(toWireBlock(block)).toEqual({ type: 'text', text: 'hi' });
  });
});

describe('toWireMessage', () => {
  it('is null before message_start, then the header with the content', () => {
    expect(toWireMessage(createStreamedMessage(0))).toBeNull();
    expect(toWireMessage(apply([START]))).toEqual({ ...START.message, content: [] });
  });
});
