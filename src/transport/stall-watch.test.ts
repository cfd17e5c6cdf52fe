import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchForStalls } from './stall-watch';

describe('watchForStalls', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('aborts once nothing arrived for the timeout, within one check interval', () => {
    const abort = vi.fn();
    const watch = watchForStalls(1000, abort, () => Date.now());
    vi.advanceTimersByTime(999);
    expect(abort).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(abort).toHaveBeenCalledTimes(1);
    expect(watch.stalled()).toBe(true);
  });

  it('counts the silence from the last touch', () => {
    const abort = vi.fn();
    const watch = watchForStalls(1000, abort, () => Date.now());
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(200);
      watch.touch();
    }
    expect(abort).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(abort).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(abort).toHaveBeenCalledTimes(1);
  });

  it('stops checking once disposed', () => {
    const abort = vi.fn();
    watchForStalls(100, abort, () => Date.now()).dispose();
    vi.advanceTimersByTime(10_000);
    expect(abort).not.toHaveBeenCalled();
  });
});
