// @vitest-environment jsdom
import { act } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmUpRendering } from './warm-up';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('warmUpRendering', () => {
  it('streams a sample answer into a container hidden from everyone, in idle periods, then leaves nothing behind', () => {
    vi.useFakeTimers();
    // jsdom has no requestIdleCallback: idle periods are timeouts.
    const idle = () => act(() => vi.advanceTimersByTime(50));

    act(() => warmUpRendering());
    const host = document.body.lastElementChild;
    expect(host?.getAttribute('aria-hidden')).toBe('true');
    expect(host instanceof HTMLElement && host.style.visibility).toBe('hidden');
    expect(host instanceof HTMLElement && host.style.left).toBe('-10000px');
    expect(host?.querySelector('[data-markdown] h2')?.textContent).toBe('Section 0');
    // While the sample streams, its last block shows the caret.
    expect(host?.querySelector('[data-testid="caret"]')).not.toBeNull();
    idle();
    idle();
    idle();
    // The whole sample, tables and code included, finished: no caret.
    expect(host?.querySelectorAll('table')).toHaveLength(6);
    expect(host?.querySelectorAll('pre code')).toHaveLength(6);
    expect(host?.querySelector('[data-testid="caret"]')).toBeNull();
    idle();
    expect(document.body.childElementCount).toBe(0);
  });

  it('waits for a hidden tab to be shown', () => {
    vi.useFakeTimers();
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => warmUpRendering());
    expect(document.body.childElementCount).toBe(0);
    visibility.mockReturnValue('visible');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    expect(document.body.childElementCount).toBe(0);
    act(() => vi.advanceTimersByTime(50));
    expect(document.body.lastElementChild?.getAttribute('aria-hidden')).toBe('true');
    for (let i = 0; i < 4; i++) act(() => vi.advanceTimersByTime(50));
    expect(document.body.childElementCount).toBe(0);
  });
});
