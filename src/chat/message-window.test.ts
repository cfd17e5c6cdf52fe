import { describe, expect, it } from 'vitest';
import { earlierLabel, olderWindow, visibleWindow, WINDOW_STEP } from './message-window';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`);

describe('visibleWindow', () => {
  it('renders a short conversation whole', () => {
    const all = ids(WINDOW_STEP);
    expect(visibleWindow(all, WINDOW_STEP)).toEqual({ hidden: 0, visible: all });
  });

  it('renders the newest messages of a long one and counts the rest', () => {
    const { hidden, visible } = visibleWindow(ids(500), WINDOW_STEP);
    expect(hidden).toBe(500 - WINDOW_STEP);
    expect(visible).toHaveLength(WINDOW_STEP);
    expect(visible.at(-1)).toBe('m499');
  });

  it('widens one step at a time until everything is shown', () => {
    let count = WINDOW_STEP;
    let steps = 0;
    while (visibleWindow(ids(500), count).hidden > 0) {
      count = olderWindow(count);
      steps += 1;
    }
    expect(steps).toBe(Math.ceil((500 - WINDOW_STEP) / WINDOW_STEP));
    expect(visibleWindow(ids(500), count).visible).toHaveLength(500);
  });
});

describe('earlierLabel', () => {
  it('says how many the next step shows and how many are left', () => {
    expect(earlierLabel(80)).toBe(`Show ${WINDOW_STEP} earlier messages (80 not shown)`);
    expect(earlierLabel(1)).toBe('Show 1 earlier message (1 not shown)');
  });
});
