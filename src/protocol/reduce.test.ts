import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEvent } from './decode';
import { createStreamedMessage, toWireMessage } from './message';
import { applyEvent } from './reduce';
import { replay, sse } from './test-support';

const FIXTURES = new URL('../../fixtures/anthropic-sse/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

const start = (usage: Record<string, unknown> = { input_tokens: 10, output_tokens: 1 }) => ({
  type: 'message_start',
  message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-x', content: [], stop_reason: null, stop_sequence: null, usage },
});
const textStart = (index = 0) => ({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
const textDelta = (text: string, index = 0) => ({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
const stop = (index = 0) => ({ type: 'content_block_stop', index });
const messageDelta = (usage: Record<string, unknown>, stop_reason = 'end_turn') => ({
  type: 'message_delta',
  delta: { stop_reason, stop_sequence: null },
  usage,
});

describe('applyEvent on a text stream', () => {
  it('builds the text, usage and stop reason from every event type', () => {
    const m = replay(sse(start(), textStart(), { type: 'ping' }, textDelta('Hel'), textDelta('lo'), stop(), messageDelta({ output_tokens: 7 }), { type: 'message_stop' }));
    expect(m.status).toBe('complete');
    expect(m.error).toBeNull();
    expect(m.blocks).toHaveLength(1);
    expect(m.blocks[0]?.kind === 'text' && m.blocks[0].block.text).toBe('Hello');
    expect(m.header?.usage.output_tokens).toBe(7);
    expect(m.header?.usage.input_tokens).toBe(10);
    expect(m.header?.stop_reason).toBe('end_turn');
  });

  it('replaces usage fields from message_delta instead of summing them', () => {
    const m = replay(
      sse(
        start({ input_tokens: 50, output_tokens: 1, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 }),
        messageDelta({ output_tokens: 5 }),
        messageDelta({ output_tokens: 9, input_tokens: 80, cache_read_input_tokens: 30 }),
        { type: 'message_stop' },
      ),
    );
    expect(m.header?.usage).toMatchObject({ input_tokens: 80, output_tokens: 9, cache_read_input_tokens: 30, cache_creation_input_tokens: 0 });
  });

  it('keeps the identity of untouched blocks and of the message on a no-op', () => {
    let m = createStreamedMessage(0);
    for (const e of [start(), textStart(0), stop(0), textStart(1)]) {
      const d = decodeEvent(String(e.type), JSON.stringify(e));
      if (d.ok) m = applyEvent(m, d.event, 1);
    }
    const first = m.blocks[0];
    const d = decodeEvent('content_block_delta', JSON.stringify(textDelta('x', 1)));
    const next = d.ok ? applyEvent(m, d.event, 2) : m;
    expect(next.blocks[0]).toBe(first);
    expect(next.blocks[1]).not.toBe(m.blocks[1]);
    const ping = decodeEvent('ping', '{"type": "ping"}');
    expect(ping.ok && applyEvent(next, ping.event, 3)).toBe(next);
  });

  it('ignores out-of-order and unknown events without throwing', () => {
    const m = replay(
      sse(
        textDelta('before start', 0),
        start(),
        textDelta('no block yet', 3),
        { type: 'content_block_stop', index: 9 },
        { type: 'brand_new_event', payload: 1 },
        textStart(),
        { type: 'content_block_delta', index: 0, delta: { type: 'future_delta', x: 1 } },
        textDelta('ok'),
        stop(),
        messageDelta({ output_tokens: 2 }),
        { type: 'message_stop' },
      ),
    );
    expect(m.status).toBe('complete');
    expect(m.blocks).toHaveLength(1);
    expect(m.blocks[0]?.kind === 'text' && m.blocks[0].block.text).toBe('ok');
  });

  it('records the time of the first content delta', () => {
    const m = replay(sse(start(), textStart(), { type: 'ping' }, textDelta('a'), textDelta('b'), stop(), { type: 'message_stop' }));
    // Events arrive every 10 ms in replay: the first delta is the 4th event.
    expect(m.timing.firstTokenAt).toBe(40);
    expect(m.timing.completedAt).toBe(70);
  });
});

describe('stream endings', () => {
  it('marks a stream without message_stop as interrupted and keeps its text', () => {
    const m = replay(sse(start(), textStart(), textDelta('partial')));
    expect(m.status).toBe('interrupted');
    expect(m.error).toEqual({ kind: 'incomplete' });
    expect(m.blocks[0]?.kind === 'text' && m.blocks[0].block.text).toBe('partial');
  });

  it('marks an error event as error with the API type and message', () => {
    const m = replay(sse(start(), textStart(), textDelta('so far')) + fixture('docs-error-event.sse'));
    expect(m.status).toBe('error');
    expect(m.error).toMatchObject({ kind: 'api', type: 'overloaded_error', message: 'Overloaded' });
    expect(m.blocks[0]?.kind === 'text' && m.blocks[0].block.text).toBe('so far');
  });

  it('keeps going past invalid JSON and reports it', () => {
    const text = sse(start(), textStart(), textDelta('a')) + 'event: content_block_delta\ndata: {"type": nope}\n\n' + sse(textDelta('b'), stop(), { type: 'message_stop' });
    const m = replay(text);
    expect(m.status).toBe('complete');
    expect(m.error?.kind).toBe('malformed');
    expect(m.blocks[0]?.kind === 'text' && m.blocks[0].block.text).toBe('ab');
  });

  it('marks an aborted stream as stopped', () => {
    const m = replay(sse(start(), textStart(), textDelta('a')), { kind: 'aborted' });
    expect(m.status).toBe('stopped');
    expect(m.error).toBeNull();
  });
});

describe('real captures', () => {
  it('assembles the tool-use capture with its exact final input', () => {
    const m = replay(fixture('sdk-ts-tool-use.sse'));
    const wire = toWireMessage(m);
    expect(wire?.content[1]).toMatchObject({ type: 'tool_use', name: 'get_weather', input: { location: 'Paris' } });
    expect(wire?.stop_reason).toBe('tool_use');
  });

  it('finalises a tool block that max_tokens left open', () => {
    const m = replay(fixture('sdk-ts-incomplete-partial-json-max-tokens.sse'));
    expect(m.status).toBe('complete');
    const tool = m.blocks[1];
    expect(tool?.kind).toBe('tool_input');
    if (tool?.kind !== 'tool_input') return;
    expect(tool.closed).toBe(true);
    expect(tool.inputError).toMatch(/not valid JSON/);
    expect(tool.parser.value).toEqual({ filename: 'taxes.txt', lines_of_text: ['# COMPREHENSIVE TAX GUIDE FOR INDIVIDUALS WITH MULTIPLE W-2s', '', '## INTRODUCTION', '', 'Filing taxes'] });
  });

  it('assembles thinking with its replaced signature and a refusal', () => {
    const m = replay(fixture('sdk-fable-a-refusal-thinking.sse'));
    const wire = toWireMessage(m);
    expect(wire?.content[0]).toMatchObject({ type: 'thinking', signature: 'c3ludGhldGljLXNpZ25hdHVyZS1maXh0dXJlLWEtbm90LWEtcmVhbC1zaWduYXR1cmU=' });
    expect(wire?.stop_reason).toBe('refusal');
    expect(wire?.usage.output_tokens).toBe(106);
    expect(wire?.usage.cache_creation).toEqual({ ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 });
  });

  it('keeps an unknown block type verbatim with its deltas', () => {
    const m = replay(
      sse(start(), { type: 'content_block_start', index: 0, content_block: { type: 'hologram', beams: 3 } }, { type: 'content_block_delta', index: 0, delta: { type: 'beam_delta', beam: 4 } }, stop(), { type: 'message_stop' }),
    );
    expect(m.blocks[0]).toMatchObject({ kind: 'opaque', block: { type: 'hologram', beams: 3 }, deltas: [{ type: 'beam_delta', beam: 4 }] });
  });
});
