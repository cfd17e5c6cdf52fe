// @vitest-environment jsdom
import { act } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmUpRendering } from './warm-up';

afterEach(() => vi.restoreAllMocks());

describe('warmUpRendering', () => {
  it('streams a sample answer into a container hidden from everyone, then leaves nothing behind', () => {
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    const nextFrame = () => act(() => frames.shift()?.(performance.now()));

    act(() => warmUpRendering());
    const host = document.body.lastElementChild;
    expect(host?.getAttribute('aria-hidden')).toBe('true');
    expect(host instanceof HTMLElement && host.style.visibility).toBe('hidden');
    expect(host?.querySelector('[data-markdown] h2')?.textContent).toBe('Section 0');
    nextFrame();
    nextFrame();
    nextFrame();
    // The whole sample, tables and code included, in the last step.
    expect(host?.querySelectorAll('table')).toHaveLength(6);
    expect(host?.querySelectorAll('pre code')).toHaveLength(6);
    nextFrame();
    expect(document.body.childElementCount).toBe(0);
    expect(frames).toHaveLength(0);
  });
});
