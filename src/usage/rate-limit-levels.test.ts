import { describe, expect, it } from 'vitest';
import { compactCount, levelOf, limitProblemOf, limitViews, worstLevel } from './rate-limit-levels';
import type { StreamedMessage } from '../protocol';

const headers = (percent: number) => ({
  'anthropic-ratelimit-requests-limit': '4000',
  'anthropic-ratelimit-requests-remaining': String((4000 * percent) / 100),
  'anthropic-ratelimit-requests-reset': '2026-12-07T19:00:00Z',
  'anthropic-ratelimit-input-tokens-limit': '2000000',
  'anthropic-ratelimit-input-tokens-remaining': String((2_000_000 * percent) / 100),
  'anthropic-ratelimit-output-tokens-limit': '400000',
  'anthropic-ratelimit-output-tokens-remaining': '400000',
  'anthropic-ratelimit-tokens-limit': '2400000',
  'anthropic-ratelimit-tokens-remaining': '2400000',
});

describe('rate-limit levels', () => {
  it('is amber under 20% left and red under 5%', () => {
    expect(levelOf(20, 100)).toBe('ok');
    expect(levelOf(19, 100)).toBe('amber');
    expect(levelOf(5, 100)).toBe('amber');
    expect(levelOf(4, 100)).toBe('red');
    expect(levelOf(null, 100)).toBe('ok');
  });

  it('shows requests, input and output tokens (not the combined tokens), each with its level', () => {
    const views = limitViews(headers(3));
    expect(views.map((v) => [v.key, v.remaining, v.limit, v.level])).toEqual([
      ['requests', 120, 4000, 'red'],
      ['input-tokens', 60000, 2000000, 'red'],
      ['output-tokens', 400000, 400000, 'ok'],
    ]);
    expect(views[0]?.resetsAt).toBe(Date.parse('2026-12-07T19:00:00Z'));
    expect(worstLevel(views)).toBe('red');
    expect(worstLevel(limitViews(headers(50)))).toBe('ok');
  });

  it('tells a 429 (the organisation\'s limit) from a 529 (overloaded)', () => {
    const failed = (status: number, type: string) => ({ error: { kind: 'api', status, type, message: 'x', requestId: null, retryAfterSeconds: 7 } }) as unknown as StreamedMessage;
    expect(limitProblemOf(failed(429, 'rate_limit_error'))).toEqual({ kind: 'rate_limited', retryAfterSeconds: 7 });
    expect(limitProblemOf(failed(529, 'overloaded_error'))).toEqual({ kind: 'overloaded', retryAfterSeconds: 7 });
    expect(limitProblemOf(failed(500, 'api_error'))).toBeNull();
  });

  it('writes counts compactly', () => {
    expect(compactCount(120)).toBe('120');
    expect(compactCount(60_000)).toBe('60K');
    expect(compactCount(2_000_000)).toBe('2M');
    expect(compactCount(2_400_000)).toBe('2.4M');
  });
});
