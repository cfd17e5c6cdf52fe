import { describe, expect, it } from 'vitest';
import { replay, sse } from '../protocol/test-support';
import type { AssistantMessage, ChatMessage } from '../store';
import { CACHE_TTL_1H_MS, CACHE_TTL_5M_MS, cacheStateOf, extraCostOfLosing, formatCountdown, keptPrefixBefore, uncachedCost } from './cache-state';
import { forecastFigures } from './forecast-cost';

function answer(id: string, createdAt: number, usage: Record<string, unknown>, promptKey = 'k'): AssistantMessage {
  const stream = replay(
    sse(
      { type: 'message_start', message: { id, type: 'message', role: 'assistant', model: 'claude-sonnet-5-5', content: [], stop_reason: null, stop_sequence: null, usage: { output_tokens: 1, ...usage } } },
      { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 50 } },
      { type: 'message_stop' },
    ),
    { kind: 'eof' },
  );
  return { id, parentId: null, createdAt, role: 'assistant', stream, requestId: null, requestedModel: 'claude-sonnet-5-5', promptKey };
}
const user = (id: string): ChatMessage => ({ id, parentId: null, createdAt: 0, role: 'user', text: 'q' });

describe('cacheStateOf', () => {
  it('takes the last answer that wrote or read the cache: its prefix, output, and a 5-minute life from when it was sent', () => {
    const transcript = [user('u1'), answer('a1', 1000, { input_tokens: 3, cache_creation_input_tokens: 100, cache_read_input_tokens: 0 }), user('u2'), answer('a2', 9000, { input_tokens: 3, cache_creation_input_tokens: 60, cache_read_input_tokens: 100 }), user('u3'), answer('a3', 20_000, { input_tokens: 400, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 })];
    expect(cacheStateOf(transcript)).toEqual({ messageId: 'a2', model: 'claude-sonnet-5-5', tokens: 160, outputTokens: 50, ttlMs: CACHE_TTL_5M_MS, expiresAt: 9000 + CACHE_TTL_5M_MS, promptKey: 'k' });
    expect(cacheStateOf([user('u1')])).toBeNull();
  });

  it('lives an hour when the answer wrote to the 1-hour cache', () => {
    const a = answer('a', 0, { input_tokens: 1, cache_creation_input_tokens: 10, cache_read_input_tokens: 0, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 10 } });
    expect(cacheStateOf([a])?.ttlMs).toBe(CACHE_TTL_1H_MS);
  });

  it('keeps the prefix of the last answer before an edited message', () => {
    const transcript = [user('u1'), answer('a1', 0, { input_tokens: 3, cache_creation_input_tokens: 100, cache_read_input_tokens: 0 }), user('u2')];
    expect(keptPrefixBefore(transcript, 2)).toBe(103);
    expect(keptPrefixBefore(transcript, 0)).toBe(0);
  });
});

describe('costs of the cache', () => {
  it('prices a lost prefix as written again instead of read (Sonnet 5.5: $2.50 write, $0.10 read per MTok)', () => {
    expect(uncachedCost('claude-sonnet-5-5', 1_000_000, true)).toBeCloseTo(2.5);
    expect(uncachedCost('claude-sonnet-5-5', 1_000_000, false)).toBeCloseTo(2);
    expect(extraCostOfLosing('claude-sonnet-5-5', 1_000_000, true)).toBeCloseTo(2.4);
    expect(uncachedCost('no-such-model', 10, true)).toBeNull();
  });

  it('formats the countdown in minutes and seconds, rounding up', () => {
    expect(formatCountdown(CACHE_TTL_5M_MS)).toBe('5:00');
    expect(formatCountdown(61_001)).toBe('1:02');
    expect(formatCountdown(-5)).toBe('0:00');
  });
});

describe('forecastFigures', () => {
  const cache = { messageId: 'a', model: 'claude-sonnet-5-5', tokens: 800_000, outputTokens: 10, ttlMs: CACHE_TTL_5M_MS, expiresAt: 100_000, promptKey: 'k' };
  const base = { model: 'claude-sonnet-5-5', inputTokens: 1_000_000, maxTokens: 100_000, caching: true, cache, promptKey: 'k', now: 0 };

  it('expects the warm prefix from the cache and the rest written to it', () => {
    const f = forecastFigures(base);
    expect(f.cachedTokens).toBe(800_000);
    // 800K read at $0.10 + 200K written at $2.50 per MTok.
    expect(f.cost).toBeCloseTo(0.08 + 0.5);
    // Plus 100K output at $10 per MTok.
    expect(f.maxCost).toBeCloseTo(0.58 + 1);
    expect(f.longContext).toBeNull();
  });

  it('expects no cache read once it expired, under another prompt key, or with caching off', () => {
    expect(forecastFigures({ ...base, now: 100_000 }).cachedTokens).toBe(0);
    expect(forecastFigures({ ...base, promptKey: 'other' }).cachedTokens).toBe(0);
    const off = forecastFigures({ ...base, caching: false });
    expect(off.cachedTokens).toBe(0);
    expect(off.cost).toBeCloseTo(2);
  });

  it('names the long-context boundary a prompt crosses', () => {
    expect(forecastFigures({ ...base, model: 'claude-sonnet-4-5', inputTokens: 200_001, cache: null }).longContext).toEqual({ threshold: 200_000, input: 6, output: 22.5 });
    expect(forecastFigures({ ...base, model: 'claude-sonnet-4-5', inputTokens: 200_000, cache: null }).longContext).toBeNull();
  });
});
