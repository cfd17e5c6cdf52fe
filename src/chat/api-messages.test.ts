import { describe, expect, it } from 'vitest';
import { replay, sse } from '../protocol/test-support';
import type { AssistantMessage, ChatMessage } from '../store';
import { toApiMessages } from './api-messages';

const start = { type: 'message_start', message: { id: 'm', type: 'message', role: 'assistant', model: 'claude-x', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } };

function assistant(events: Array<Record<string, unknown>>, end: 'eof' | 'aborted' = 'eof'): AssistantMessage {
  return { id: 'a', parentId: null, createdAt: 0, role: 'assistant', stream: replay(sse(start, ...events), { kind: end }), requestId: null, requestedModel: 'claude-x' };
}

const thinking = [
  { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'hmm' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'sig' } },
  { type: 'content_block_stop', index: 0 },
];
const toolUse = [
  { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 'calculator', input: {} } },
  { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"expression":"1+1"}' } },
  { type: 'content_block_stop', index: 1 },
  { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 9 } },
  { type: 'message_stop' },
];

describe('toApiMessages', () => {
  it('sends thinking back with its signature, and tool calls with their results', () => {
    const transcript: ChatMessage[] = [
      { id: 'u', parentId: null, createdAt: 0, role: 'user', text: 'what is 1+1' },
      assistant([...thinking, ...toolUse]),
      { id: 't', parentId: null, createdAt: 0, role: 'tool_results', results: [{ toolUseId: 'toolu_1', name: 'calculator', input: {}, state: 'done', content: '2', isError: false, builtin: true }] },
      { id: 'n', parentId: null, createdAt: 0, role: 'notice', text: 'not sent' },
    ];
    expect(toApiMessages(transcript)).toEqual([
      { role: 'user', content: 'what is 1+1' },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: 'hmm', signature: 'sig' },
          { type: 'tool_use', id: 'toolu_1', name: 'calculator', input: { expression: '1+1' } },
        ],
      },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: '2', is_error: false }] },
    ]);
  });

  it('leaves out tool calls that were never answered', () => {
    const transcript: ChatMessage[] = [{ id: 'u', parentId: null, createdAt: 0, role: 'user', text: 'q' }, assistant([...thinking, ...toolUse]), { id: 'u2', parentId: null, createdAt: 0, role: 'user', text: 'never mind' }];
    const sent = toApiMessages(transcript);
    expect(sent[1]?.content).toEqual([{ type: 'thinking', thinking: 'hmm', signature: 'sig' }]);
  });

  it('sends an unfinished answer as its text only', () => {
    const partial = assistant(
      [...thinking, { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } }, { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'partial' } }],
      'aborted',
    );
    expect(toApiMessages([{ id: 'u', parentId: null, createdAt: 0, role: 'user', text: 'q' }, partial])[1]).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'partial' }] });
  });

  it('answers unresolved tool calls with an error so the conversation stays valid', () => {
    const transcript: ChatMessage[] = [
      { id: 'u', parentId: null, createdAt: 0, role: 'user', text: 'q' },
      assistant(toolUse.map((e) => ('index' in e ? { ...e, index: 0 } : e))),
      { id: 't', parentId: null, createdAt: 0, role: 'tool_results', results: [{ toolUseId: 'toolu_1', name: 'calculator', input: {}, state: 'awaiting_approval', content: '', isError: false, builtin: true }] },
    ];
    expect(toApiMessages(transcript)[2]).toEqual({ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'The user did not run this tool.', is_error: true }] });
  });
});

describe('withCacheBreakpoint', async () => {
  const { withCacheBreakpoint } = await import('./api-messages');
  it('sends a chain of continuations (a turn paused twice) as one answer, every link in order', () => {
    const textAnswer = (id: string, text: string, stop: string, continuationOf?: string): AssistantMessage => ({
      ...assistant([
        { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
        { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } },
        { type: 'content_block_stop', index: 0 },
        { type: 'message_delta', delta: { stop_reason: stop, stop_sequence: null }, usage: { output_tokens: 3 } },
        { type: 'message_stop' },
      ]),
      id,
      ...(continuationOf === undefined ? {} : { continuationOf }),
    });
    const transcript: ChatMessage[] = [
      { id: 'u', parentId: null, createdAt: 0, role: 'user', text: 'search' },
      textAnswer('a1', 'one ', 'pause_turn'),
      textAnswer('a2', 'two ', 'pause_turn', 'a1'),
      textAnswer('a3', 'three', 'end_turn', 'a2'),
    ];
    expect(toApiMessages(transcript)).toEqual([
      { role: 'user', content: 'search' },
      { role: 'assistant', content: [{ type: 'text', text: 'one two three' }] },
    ]);
  });

  it('marks the last block of the last message', () => {
    expect(withCacheBreakpoint([{ role: 'user', content: 'hi' }])).toEqual([{ role: 'user', content: [{ type: 'text', text: 'hi', cache_control: { type: 'ephemeral' } }] }]);
  });
});
