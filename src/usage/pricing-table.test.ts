// The published prices, model by model: a mistyped id, a dropped row or a
// changed rate shows here rather than as a wrong cost on screen.
import { describe, expect, it } from 'vitest';
import { findPrice } from './cost';
import { PRICE_TABLE, PRICES_CHECKED_ON } from './pricing-table';

/** USD per million tokens: input, cache write 5 minutes, cache write 1 hour, cache read, output. */
const PUBLISHED: Readonly<Record<string, readonly [number, number, number, number, number]>> = {
  'claude-fable-5-1': [10, 12.5, 20, 0.25, 50],
  'claude-mythos-5-1': [10, 12.5, 20, 0.25, 50],
  'claude-fable-5': [10, 12.5, 20, 1, 50],
  'claude-mythos-5': [10, 12.5, 20, 1, 50],
  'claude-opus-5-5': [4, 5, 8, 0.2, 20],
  'claude-opus-5': [5, 6.25, 10, 0.5, 25],
  'claude-opus-4-8': [5, 6.25, 10, 0.5, 25],
  'claude-opus-4-7': [5, 6.25, 10, 0.5, 25],
  'claude-opus-4-6': [5, 6.25, 10, 0.5, 25],
  'claude-opus-4-5': [5, 6.25, 10, 0.5, 25],
  'claude-opus-4-1': [15, 18.75, 30, 1.5, 75],
  'claude-opus-4-0': [15, 18.75, 30, 1.5, 75],
  'claude-opus-4': [15, 18.75, 30, 1.5, 75],
  'claude-sonnet-5-5': [2, 2.5, 4, 0.1, 10],
  'claude-sonnet-5': [2, 2.5, 4, 0.2, 10],
  'claude-sonnet-4-6': [3, 3.75, 6, 0.3, 15],
  'claude-sonnet-4-5': [3, 3.75, 6, 0.3, 15],
  'claude-sonnet-4-0': [3, 3.75, 6, 0.3, 15],
  'claude-sonnet-4': [3, 3.75, 6, 0.3, 15],
  'claude-haiku-5-5': [0.1, 0.125, 0.2, 0.01, 0.5],
  'claude-haiku-4-5': [1, 1.25, 2, 0.1, 5],
};

describe('PRICE_TABLE', () => {
  it.each(Object.entries(PUBLISHED))('%s costs what is published', (id, [input, cacheWrite5m, cacheWrite1h, cacheRead, output]) => {
    expect(findPrice(id)).toMatchObject({ input, cacheWrite5m, cacheWrite1h, cacheRead, output });
    expect(findPrice(`${id}-20260101`)).toBe(findPrice(id));
  });

  it('prices exactly the published models, each in one row', () => {
    const ids = PRICE_TABLE.flatMap((entry) => entry.ids);
    expect([...ids].sort()).toEqual(Object.keys(PUBLISHED).sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says where every row comes from, and when the table was checked', () => {
    for (const entry of PRICE_TABLE) expect(entry.source, entry.ids.join(', ')).toMatch(/^\[[PMC]\]/);
    expect(PRICE_TABLE.map((entry) => entry.source)).toEqual([
      '[P]',
      '[P]',
      '[M] base, [C] cache',
      '[P]',
      '[P]',
      '[M] base, [C] cache read',
      '[M]',
      '[P]',
      '[P], [L] long prompts',
      '[M] base, [C] cache and long prompts',
      '[M]',
    ]);
    expect(PRICES_CHECKED_ON).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives Haiku 5.5 its long-prompt rates above 100,000 prompt tokens, Sonnet 4.5 and 4 theirs above 200,000, and no other model any', () => {
    expect(findPrice('claude-haiku-5-5')).toMatchObject({ longPromptThreshold: 100_000, longPrompt: { input: 0.5, cacheWrite5m: 0.625, cacheWrite1h: 1, cacheRead: 0.05, output: 2.5 } });
    for (const id of ['claude-sonnet-4-5', 'claude-sonnet-4-0']) expect(findPrice(id)?.longPromptThreshold, id).toBe(200_000);
    expect(PRICE_TABLE.filter((entry) => entry.longPrompt !== undefined).flatMap((entry) => entry.ids)).toEqual(['claude-sonnet-4-5', 'claude-sonnet-4-0', 'claude-sonnet-4', 'claude-haiku-5-5']);
  });
});
