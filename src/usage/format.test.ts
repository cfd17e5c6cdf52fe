import { describe, expect, it } from 'vitest';
import { replay, sse } from '../protocol/test-support';
import { formatCount, formatDuration, formatPercent, usageFigures } from './format';

const stream = (final: boolean) =>
  replay(
    sse(
      { type: 'message_start', message: { id: 'm', type: 'message', role: 'assistant', model: 'claude-x', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 12, output_tokens: 1, cache_creation_input_tokens: 3, cache_read_input_tokens: 4 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'twelve chars' } },
      ...(final ? [{ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 40 } }, { type: 'message_stop' }] : []),
    ),
    final ? { kind: 'eof' } : { kind: 'aborted' },
  );

describe('usageFigures', () => {
  it('reports the API usage and the generation-phase rate once complete', () => {
    const f = usageFigures(stream(true), 'asked', 0);
    expect(f).toMatchObject({ model: 'claude-x', stopReason: 'end_turn', inputTokens: 12, outputTokens: 40, outputEstimated: false, cacheWriteTokens: 3, cacheReadTokens: 4 });
    // replay: events every 10 ms; first delta at 30, message_stop at 50.
    expect(f.timeToFirstTokenMs).toBe(30);
    expect(f.totalTimeMs).toBe(50);
    expect(f.outputTokensPerSecond).toBeCloseTo(40 / 0.02);
  });

  it('estimates output tokens from the text while streaming', () => {
    const live = { ...stream(false), status: 'streaming' as const, timing: { ...stream(false).timing, completedAt: null } };
    const f = usageFigures(live, 'asked', 100);
    expect(f.outputEstimated).toBe(true);
    expect(f.outputTokens).toBe(3);
    expect(f.totalTimeMs).toBe(100);
  });
});

describe('usageFigures after a cut-off stream, and the prompt', () => {
  it('adds the prompt (input + cache write + cache read) and the share read from the cache', () => {
    const f = usageFigures(stream(true), 'asked', 0);
    expect(f.promptTokens).toBe(19);
    expect(f.cacheHit).toBeCloseTo(4 / 19);
    expect(formatPercent(f.cacheHit)).toBe('21%');
    expect(f.estimateReason).toBeNull();
  });

  it('estimates output and its rate from the content when no message_delta came, never from message_start\'s 1 token', () => {
    const f = usageFigures(stream(false), 'asked', 0);
    expect(f.outputEstimated).toBe(true);
    expect(f.estimateReason).toMatch(/ended before its final usage/);
    // "twelve chars" is 12 characters: about 3 tokens, not the 1 that message_start carried.
    expect(f.outputTokens).toBe(3);
    const { firstTokenAt, completedAt, lastEventAt } = stream(false).timing;
    const seconds = ((completedAt ?? lastEventAt ?? 0) - (firstTokenAt ?? 0)) / 1000;
    expect(f.outputTokensPerSecond).toBeCloseTo(3 / seconds);
  });
});

describe('formatting', () => {
  it('formats counts and durations', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(null)).toBe('—');
    expect(formatDuration(412.4)).toBe('412 ms');
    expect(formatDuration(1530)).toBe('1.53 s');
    // The same times, differenced against another origin, read the same (a replay shows the original's figures).
    const start = 123_456.7;
    expect(formatDuration(start + 286.5 - start)).toBe(formatDuration(286.5));
    expect(formatDuration(286.49999999)).toBe(formatDuration(286.50000001));
    expect(formatDuration(1524.9999999)).toBe(formatDuration(1525.0000001));
  });

  it('groups integers exactly as en-US toLocaleString does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 999_999, 1_000_000, 123_456_789, 2 ** 53 - 1, -1, -1234, -1_000_000]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    }
  });
});
