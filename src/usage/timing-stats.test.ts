import { describe, expect, it } from 'vitest';
import { gapStats } from './timing-stats';

describe('gapStats', () => {
  it('needs two arrivals for a gap', () => {
    expect(gapStats([])).toBeNull();
    expect(gapStats([5])).toBeNull();
    expect(gapStats([5, 12])).toEqual({ p50: 7, p95: 7, max: 7, count: 1 });
  });

  it('ranks the gaps by size, whatever order they came in', () => {
    // Gaps 50, 10, 30, 20, 40.
    expect(gapStats([0, 50, 60, 90, 110, 150])).toEqual({ p50: 30, p95: 50, max: 50, count: 5 });
  });

  it('takes the nearest rank: p50 of two gaps is the smaller, p95 of twenty is the nineteenth', () => {
    expect(gapStats([0, 1, 101])).toEqual({ p50: 1, p95: 100, max: 100, count: 2 });
    const twenty = Array.from({ length: 21 }, (_, i) => (i === 20 ? 1000 + 19 * 10 : i * 10));
    twenty[19] = 19 * 10 + 500;
    // Gaps: eighteen of 10, then 510 and 500 -> sorted: 10 x18, 500, 510.
    expect(gapStats(twenty)).toEqual({ p50: 10, p95: 500, max: 510, count: 20 });
  });
});
