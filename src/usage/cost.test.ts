import { describe, expect, it } from 'vitest';
import { costOf, findPrice, formatUsd, sumCosts } from './cost';
import { gapStats } from './timing-stats';

describe('costOf', () => {
  it('adds web searches at $10 per 1,000 (web fetches cost nothing beyond tokens)', () => {
    const cost = costOf('claude-opus-4-6', { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, server_tool_use: { web_search_requests: 3 } });
    expect(cost.priced && cost.breakdown.webSearch).toBeCloseTo(0.03);
    expect(cost.priced && cost.breakdown.total).toBeCloseTo(0.03);
    const fetched = costOf('claude-opus-4-6', { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, server_tool_use: { web_search_requests: 0 } });
    expect(fetched.priced && fetched.breakdown.total).toBe(0);
  });

  it('prices every part of the usage, with the 5m/1h cache split', () => {
    const cost = costOf('claude-opus-4-6', {
      input_tokens: 1_000_000,
      output_tokens: 1_000_000,
      cache_creation_input_tokens: 3_000_000,
      cache_read_input_tokens: 2_000_000,
      cache_creation: { ephemeral_5m_input_tokens: 1_000_000, ephemeral_1h_input_tokens: 2_000_000 },
    });
    expect(cost).toEqual({ priced: true, breakdown: { input: 5, output: 25, cacheWrite5m: 6.25, cacheWrite1h: 20, cacheRead: 1, webSearch: 0, total: 57.25 } });
  });

  it('prices cache writes at the 5-minute rate when the split is missing, and matches dated snapshot ids', () => {
    const cost = costOf('claude-sonnet-4-5-20250929', { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 100_000, cache_read_input_tokens: null });
    expect(cost.priced && cost.breakdown.cacheWrite5m).toBeCloseTo(0.375);
  });

  it('bills Sonnet 4.5 prompts above 200K at the long-context rates, and Sonnet 4.6 at its standard ones', () => {
    const usage = { input_tokens: 150_000, output_tokens: 1_000_000, cache_creation_input_tokens: 0, cache_read_input_tokens: 50_001 };
    const long = costOf('claude-sonnet-4-5', usage);
    expect(long.priced && long.breakdown.input).toBeCloseTo(0.9);
    expect(long.priced && long.breakdown.output).toBeCloseTo(22.5);
    const flat = costOf('claude-sonnet-4-6', usage);
    expect(flat.priced && flat.breakdown.output).toBeCloseTo(15);
  });

  it('uses the long-prompt rates above the threshold', () => {
    const short = costOf('claude-haiku-5-5', { input_tokens: 100_000, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    const long = costOf('claude-haiku-5-5', { input_tokens: 100_001, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    expect(short.priced && short.breakdown.input).toBeCloseTo(0.01);
    expect(long.priced && long.breakdown.input).toBeCloseTo(0.0500005);
  });

  it('says "no price" for an unknown model instead of guessing', () => {
    expect(costOf('claude-fable-5-2', { input_tokens: 1, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 })).toEqual({ priced: false, model: 'claude-fable-5-2' });
    expect(findPrice('claude-mystery')).toBeUndefined();
  });

  it('sums costs and counts unpriced requests', () => {
    const a = costOf('claude-opus-4-6', { input_tokens: 1_000_000, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    expect(sumCosts([a, a, { priced: false, model: 'x' }])).toEqual({ total: 10, unpriced: 1 });
    expect(formatUsd(0.000123)).toBe('$0.00012');
    expect(formatUsd(1.5)).toBe('$1.5000');
  });
});

describe('gapStats', () => {
  it('gives nearest-rank percentiles of the gaps', () => {
    const arrivals = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 1190];
    expect(gapStats(arrivals)).toEqual({ p50: 10, p95: 10, max: 1000, count: 20 });
    expect(gapStats([5])).toBeNull();
  });
});

describe('costOf at its edges', () => {
  it('counts cache reads and writes toward the long-prompt threshold', () => {
    const usage = { input_tokens: 40_000, output_tokens: 0, cache_creation_input_tokens: 30_000, cache_read_input_tokens: 30_001 };
    const cost = costOf('claude-haiku-5-5', usage);
    // Over 100,000 prompt tokens: every token at the long-prompt rates ($0.50 input, $0.625 write, $0.05 read).
    expect(cost.priced && cost.breakdown).toMatchObject({ input: 0.02, cacheWrite5m: 0.01875, cacheRead: expect.closeTo(0.00150005, 12) });
    const under = costOf('claude-haiku-5-5', { ...usage, cache_read_input_tokens: 30_000 });
    expect(under.priced && under.breakdown.input).toBeCloseTo(0.004);
  });

  it('never applies long-prompt rates to a model without them', () => {
    const cost = costOf('claude-opus-4-6', { input_tokens: 1_000_000, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
    expect(cost.priced && cost.breakdown.input).toBe(5);
  });

  it('strips only a trailing eight-digit snapshot date from the id', () => {
    expect(findPrice('claude-opus-4-6-20260101')).toBe(findPrice('claude-opus-4-6'));
    expect(findPrice('claude-12345678-opus-4-6')).toBeUndefined();
    expect(findPrice('claude-opus-4-6-2026010')).toBeUndefined();
  });

  it('formats zero, tiny and ordinary amounts', () => {
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(0.00999)).toBe('$0.00999');
    expect(formatUsd(0.01)).toBe('$0.0100');
  });
});
