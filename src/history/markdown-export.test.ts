import { describe, expect, it } from 'vitest';
import { replay, sse } from '../protocol/test-support';
import { defaultSettings } from '../settings';
import type { ChatMessage, ConversationMeta } from '../store';
import { toMarkdown } from './markdown-export';

const start = { type: 'message_start', message: { id: 'm', type: 'message', role: 'assistant', model: 'claude-x', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } };
const stream = replay(
  sse(
    start,
    { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
    { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'line one\nline two' } },
    { type: 'content_block_stop', index: 0 },
    { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 'calculator', input: {} } },
    { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"expression":"6*7"}' } },
    { type: 'content_block_stop', index: 1 },
    { type: 'message_stop' },
  ),
);

const messages: ChatMessage[] = [
  { id: 'u0', parentId: null, createdAt: 1, role: 'user', text: 'an older version' },
  { id: 'u1', parentId: null, createdAt: 2, role: 'user', text: 'What is 6*7?' },
  { id: 'a1', parentId: 'u1', createdAt: 3, role: 'assistant', stream, requestId: null, requestedModel: 'claude-x' },
  { id: 't1', parentId: 'a1', createdAt: 4, role: 'tool_results', results: [{ toolUseId: 'toolu_1', name: 'calculator', input: {}, state: 'done', content: '42', isError: false, builtin: true }] },
];
const meta: ConversationMeta = { id: 'c', title: 'Arithmetic', createdAt: 0, updatedAt: 4, settings: defaultSettings(), selection: {} };

describe('Markdown export', () => {
  it('reads as a transcript of the visible branch: roles, thinking as a quote, tool calls and results as fenced JSON', () => {
    const md = toMarkdown(meta, messages);
    expect(md).toContain('# Arithmetic');
    expect(md).toContain('## User\n\nWhat is 6*7?');
    expect(md).not.toContain('an older version');
    expect(md).toContain('## Claude\n\n> **Thinking**\n>\n> line one\n> line two');
    expect(md).toContain('**Tool call:** `calculator`\n\n```json\n{\n  "expression": "6*7"\n}\n```');
    expect(md).toContain('## Tool results\n\n```json\n{\n  "tool_use_id": "toolu_1",\n  "name": "calculator",\n  "content": "42",\n  "is_error": false\n}\n```');
  });
});
