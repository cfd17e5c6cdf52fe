import { describe, expect, it } from 'vitest';
import { replay, sse } from '../protocol/test-support';
import type { AssistantMessage } from '../store';
import { canContinue, continuationMessages, CONTINUE_INSTRUCTION, resumableText } from './continuation';

const partial: AssistantMessage = {
  id: 'a',
  parentId: null,
  createdAt: 0,
  role: 'assistant',
  requestId: null,
  requestedModel: 'x',
  stream: replay(
    sse(
      { type: 'message_start', message: { id: 'm', type: 'message', role: 'assistant', model: 'x', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'hmm' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'The answer is ' } },
      { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 't', name: 'calc', input: {} } },
    ),
  ),
};
const before = [{ role: 'user' as const, content: 'question' }];

describe('continuation', () => {
  it('resumes from the text, never from thinking or a partial tool call', () => {
    expect(resumableText(partial)).toBe('The answer is ');
    expect(canContinue(partial)).toBe(true);
  });

  it('prefills on Claude 4.5 and earlier, without trailing whitespace', () => {
    expect(continuationMessages(before, partial, 'claude-sonnet-4-5')).toEqual([...before, { role: 'assistant', content: 'The answer is' }]);
  });

  it('sends a user message with the partial text on Claude 4.6 and later', () => {
    expect(continuationMessages(before, partial, 'claude-opus-4-6')).toEqual([...before, { role: 'user', content: `${CONTINUE_INSTRUCTION}\n\nThe answer is ` }]);
  });
});
