import { describe, expect, it } from 'vitest';
import { createStreamedMessage, type StreamedMessage } from '../protocol';
import { replay, sse } from '../protocol/test-support';
import { formatCount, formatDuration, formatRate, usageFigures } from './format';

const START = {
  type: 'message_start',
  message: { id: 'm', type: 'message', role: 'assistant', model: 'claude-answered', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 7, output_tokens: 1 } },
};
/** An answer still streaming: thinking, text and tool input received so far. */
function streaming(): StreamedMessage {
  const message = replay(
    sse(
      START,
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: '12345678' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'abcd' } },
      { type: 'content_block_stop', index: 1 },
      { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 't', name: 'calculator', input: {} } },
      { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{"a":1}' } },
    ),
    { kind: 'aborted' },
  );
  return { ...message, status: 'streaming', timing: { ...message.timing, completedAt: null } };
}

describe('usageFigures', () => {
  it('before message_start: the requested model, no usage, "…" while streaming and "—" once over', () => {
    const waiting = { ...createStreamedMessage(1000), status: 'streaming' as const };
    expect(usageFigures(waiting, 'claude-asked', 1600)).toEqual({
      model: 'claude-asked',
      stopReason: '…',
      inputTokens: null,
      outputTokens: null,
      outputEstimated: true,
      cacheWriteTokens: null,
      cacheReadTokens: null,
      timeToFirstTokenMs: null,
      totalTimeMs: 600,
      outputTokensPerSecond: null,
      promptTokens: null,
      cacheHit: null,
      estimateReason: null,
    });
    const failed: StreamedMessage = { ...createStreamedMessage(1000), status: 'error', timing: { ...createStreamedMessage(1000).timing, completedAt: 1250 } };
    expect(usageFigures(failed, 'claude-asked', 9999)).toMatchObject({ model: 'claude-asked', stopReason: '—', outputTokens: null, outputEstimated: false, totalTimeMs: 250 });
  });

  it('while streaming: the model that answered, output estimated at four characters a token over thinking, text and tool input', () => {
    const message = streaming();
    const figures = usageFigures(message, 'claude-asked', message.timing.requestStartedAt + 500);
    // 8 + 4 + 7 = 19 characters: about 5 tokens.
    expect(figures).toMatchObject({ model: 'claude-answered', stopReason: '…', inputTokens: 7, outputTokens: 5, outputEstimated: true, cacheWriteTokens: null, cacheReadTokens: null });
    expect(figures.totalTimeMs).toBe(500);
    // The rate runs to the last event, not to now.
    const { firstTokenAt, lastEventAt } = message.timing;
    expect(figures.outputTokensPerSecond).toBeCloseTo(5 / (((lastEventAt ?? 0) - (firstTokenAt ?? 0)) / 1000));
  });

  it('measures from when the request started, on any clock', () => {
    const message = replay(sse(START, { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'x' } }, { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 3 } }, { type: 'message_stop' }));
    const shifted: StreamedMessage = {
      ...message,
      timing: { ...message.timing, requestStartedAt: 1000, firstTokenAt: 1400, lastEventAt: 1900, completedAt: 2000 },
    };
    expect(usageFigures(shifted, 'x', 5000)).toMatchObject({ stopReason: 'end_turn', outputTokens: 3, outputEstimated: false, timeToFirstTokenMs: 400, totalTimeMs: 1000, outputTokensPerSecond: 5 });
  });

  it('has no rate when the whole answer came at once', () => {
    const message = replay(sse(START, { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 3 } }, { type: 'message_stop' }));
    const instant: StreamedMessage = { ...message, timing: { ...message.timing, firstTokenAt: 50, lastEventAt: 50, completedAt: 50 } };
    expect(usageFigures(instant, 'x', 0).outputTokensPerSecond).toBeNull();
  });
});

describe('formatting', () => {
  it('formats durations: milliseconds below a second, seconds with two decimals from one second', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(999.4)).toBe('999 ms');
    expect(formatDuration(1000)).toBe('1.00 s');
    expect(formatDuration(61_234)).toBe('61.23 s');
  });

  it('formats rates with one decimal', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(75.25)).toBe('75.3');
    expect(formatRate(0)).toBe('0.0');
  });

  it('keeps the digits of numbers that are not integers, and shows infinities as they are', () => {
    expect(formatCount(1234.5)).toBe('1,234.5');
    expect(formatCount(-0.25)).toBe('-0.25');
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(formatCount(Number.NaN)).toBe('NaN');
  });
});
