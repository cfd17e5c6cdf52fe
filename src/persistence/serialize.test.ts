import { describe, expect, it } from 'vitest';
import { PartialJsonParser } from '../protocol';
import { replay, sse } from '../protocol/test-support';
import type { AssistantMessage } from '../store';
import { fromStoredMessage, messageText, toStoredMessage } from './serialize';

const start = { type: 'message_start', message: { id: 'm', type: 'message', role: 'assistant', model: 'claude-x', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } };
const toolEvents = [
  { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'let me add' } },
  { type: 'content_block_stop', index: 0 },
  { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 'calculator', input: {} } },
  { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"expression": "1+' } },
];

function answer(events: Array<Record<string, unknown>>, end?: 'eof'): AssistantMessage {
  return { id: 'a', parentId: 'u', createdAt: 5, role: 'assistant', stream: replay(sse(start, ...events), end === undefined ? undefined : { kind: end }), requestId: 'req_1', requestedModel: 'claude-x' };
}

/** Through JSON, as an export or a structured clone would carry it. */
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('stored messages', () => {
  it('drop the tool-input parser and rebuild it from the raw JSON on load', () => {
    const closed = answer([...toolEvents, { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '1"}' } }, { type: 'content_block_stop', index: 1 }, { type: 'message_stop' }], 'eof');
    const stored = viaJson(toStoredMessage(closed));
    const block = stored.role === 'assistant' ? stored.stream.blocks[1] : undefined;
    expect(block && 'parser' in block).toBe(false);
    const loaded = fromStoredMessage(stored);
    const rebuilt = loaded.role === 'assistant' ? loaded.stream.blocks[1] : undefined;
    expect(rebuilt?.kind).toBe('tool_input');
    if (rebuilt?.kind !== 'tool_input') return;
    expect(rebuilt.parser).toBeInstanceOf(PartialJsonParser);
    expect(rebuilt.parser.value).toEqual({ expression: '1+1' });
    expect(loaded).toMatchObject({ requestId: 'req_1', parentId: 'u', stream: { status: 'complete', header: { usage: { input_tokens: 1 } } } });
  });

  it('a partial tool input keeps its best-effort value, and a message saved while streaming comes back interrupted', () => {
    const cut = answer(toolEvents);
    // As the reducer holds it mid-stream (replay ends the stream; undo that).
    const streaming: AssistantMessage = { ...cut, stream: { ...cut.stream, status: 'streaming', error: null } };
    const loaded = fromStoredMessage(viaJson(toStoredMessage(streaming)));
    if (loaded.role !== 'assistant') throw new Error('not an answer');
    expect(loaded.stream.status).toBe('interrupted');
    expect(loaded.stream.error).toEqual({ kind: 'incomplete' });
    expect(loaded.stream.timing.completedAt).toBe(loaded.stream.timing.lastEventAt);
    const block = loaded.stream.blocks[1];
    expect(block?.kind === 'tool_input' && block.parser.value).toEqual({ expression: '1+' });
  });

  it("a streaming answer's event times are stored as a list of their own, not the buffer they are a view on", () => {
    const buffer = Float64Array.from([1.5, 2.25, 3, 99, 99]);
    const cut = answer(toolEvents);
    const streaming: AssistantMessage = { ...cut, stream: { ...cut.stream, status: 'streaming', error: null }, resume: { streamId: 's1', lastEventId: '2', sentAt: 7, times: buffer.subarray(0, 3) } };
    const stored = toStoredMessage(streaming);
    expect(stored.role === 'assistant' && stored.resume).toEqual({ streamId: 's1', lastEventId: '2', sentAt: 7, times: [1.5, 2.25, 3] });
    const loaded = fromStoredMessage(viaJson(stored));
    expect(loaded.role === 'assistant' && loaded.resume?.times).toEqual([1.5, 2.25, 3]);
  });

  it('gives the searchable text of each kind of message', () => {
    expect(messageText(answer(toolEvents))).toContain('let me add');
    expect(messageText({ id: 'u', parentId: null, createdAt: 1, role: 'user', text: 'hi' })).toBe('hi');
    expect(messageText({ id: 'n', parentId: null, createdAt: 1, role: 'notice', text: 'app note' })).toBe('');
  });
});
