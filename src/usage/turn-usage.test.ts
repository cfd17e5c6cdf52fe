import { describe, expect, it } from 'vitest';
import { replay, sse } from '../protocol/test-support';
import type { AssistantMessage, ChatMessage } from '../store';
import { totalsOf, turnOf } from './turn-usage';

/** A complete answer from `model` with this usage. */
function answer(id: string, model: string, usage: Record<string, number | null>): AssistantMessage {
  const start = { type: 'message_start', message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage } };
  const end = [{ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: usage.output_tokens } }, { type: 'message_stop' }];
  return { id, parentId: null, createdAt: 0, role: 'assistant', stream: replay(sse(start, ...end), { kind: 'eof' }), requestId: null, requestedModel: model };
}
const user = (id: string): ChatMessage => ({ id, parentId: null, createdAt: 0, role: 'user', text: 'q' });
const tools = (id: string): ChatMessage => ({ id, parentId: null, createdAt: 0, role: 'tool_results', results: [] });
const notice = (id: string): ChatMessage => ({ id, parentId: null, createdAt: 0, role: 'notice', text: 'n' });
/** An answer whose stream never started: no header, nothing to count. */
const unstarted = (id: string): AssistantMessage => ({ ...answer(id, 'claude-opus-4-6', { input_tokens: 0, output_tokens: 0 }), stream: { ...answer(id, 'claude-opus-4-6', { input_tokens: 0, output_tokens: 0 }).stream, header: null } });

describe('totalsOf', () => {
  it('sums every answered request: tokens, cache writes and reads, and the cost', () => {
    const totals = totalsOf([
      user('u'),
      answer('a1', 'claude-opus-4-6', { input_tokens: 1_000_000, output_tokens: 100_000, cache_creation_input_tokens: 200_000, cache_read_input_tokens: 300_000 }),
      tools('t'),
      answer('a2', 'claude-opus-4-6', { input_tokens: 500_000, output_tokens: 200_000, cache_creation_input_tokens: null, cache_read_input_tokens: null }),
      notice('n'),
      unstarted('a3'),
    ]);
    // Opus 4.6: $5 input, $25 output, $6.25 cache write (5 minutes), $0.50 cache read per million.
    expect(totals).toEqual({
      requests: 2,
      inputTokens: 1_500_000,
      outputTokens: 300_000,
      cacheWriteTokens: 200_000,
      cacheReadTokens: 300_000,
      cost: expect.closeTo(5 + 2.5 + 1.25 + 0.15 + 2.5 + 5, 9),
      unpriced: 0,
    });
  });

  it('counts requests to a model with no price, whose cost is then a lower bound', () => {
    const totals = totalsOf([answer('a1', 'claude-fable-5-2', { input_tokens: 10, output_tokens: 5 }), answer('a2', 'claude-opus-4-6', { input_tokens: 1_000_000, output_tokens: 0 })]);
    expect(totals).toMatchObject({ requests: 2, inputTokens: 1_000_010, outputTokens: 5, cost: 5, unpriced: 1 });
  });

  it('is all zeros for no answers', () => {
    expect(totalsOf([user('u'), notice('n')])).toEqual({ requests: 0, inputTokens: 0, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0, cost: 0, unpriced: 0 });
  });
});

describe('turnOf', () => {
  const transcript: ChatMessage[] = [user('u1'), answer('a1', 'm', { input_tokens: 1, output_tokens: 1 }), user('u2'), answer('a2', 'm', { input_tokens: 1, output_tokens: 1 }), tools('t2'), answer('a3', 'm', { input_tokens: 1, output_tokens: 1 })];

  it("gives the turn's requests back to, not including, the user's message", () => {
    expect(turnOf(transcript, 'a3').map((m) => m.id)).toEqual(['a2', 't2', 'a3']);
    expect(turnOf(transcript, 'a2').map((m) => m.id)).toEqual(['a2']);
    expect(turnOf(transcript, 'a1').map((m) => m.id)).toEqual(['a1']);
  });

  it('reaches the start of a transcript with no user message, and is empty for an unknown id', () => {
    expect(turnOf([answer('x', 'm', { input_tokens: 1, output_tokens: 1 }), tools('t'), answer('y', 'm', { input_tokens: 1, output_tokens: 1 })], 'y').map((m) => m.id)).toEqual(['x', 't', 'y']);
    expect(turnOf(transcript, 'nope')).toEqual([]);
  });
});
