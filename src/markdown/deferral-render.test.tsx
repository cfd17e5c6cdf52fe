// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inBackground } from './background';
import { FORMAT_WINDOW_CHARS, HOLD_AFTER_PLAIN_MS } from './deferral';
import { Markdown } from './index';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Twenty blocks of about 500 characters, the first of them a heading. */
const paragraphs = Array.from({ length: 20 }, (_, i) => `${i === 0 ? '# ' : ''}Paragraph ${i} with **bold** words ${'and more words '.repeat(32)}\n\n`);
const answer = paragraphs.join('');

const plainBlocks = (root: HTMLElement) => [...root.querySelectorAll('[data-md-plain]')].map((el) => Number(el.getAttribute('data-md-block')));

/** A background job queued now: whether it has run tells whether background work is held back. */
function sentinel(): { ran: () => boolean } {
  let ran = false;
  inBackground(() => {
    ran = true;
  });
  return { ran: () => ran };
}

/** Under jsdom a background run is a timeout of 0: one scheduled before these has come first. */
const laterTasks = async () => {
  for (let i = 0; i < 3; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
};

const visibility = (skipped: boolean) => Object.assign(new Event('contentvisibilityautostatechange'), { skipped });

describe('blocks a stream brings faster than a screen holds', () => {
  it('start as plain text when a window of text follows them, the rest formatted', () => {
    const view = render(<Markdown text={answer} streaming />);
    const windowBlocks = Math.ceil(FORMAT_WINDOW_CHARS / (paragraphs[1]?.length ?? 1));
    expect(plainBlocks(view.container)).toEqual(Array.from({ length: 20 - windowBlocks }, (_, i) => i));
    // Plain text keeps every character, markup included.
    expect(view.container.querySelector('[data-md-block="0"]')?.textContent).toBe(paragraphs[0]?.trim());
    expect(view.container.querySelector('h1')).toBeNull();
    expect(view.container.querySelectorAll('strong')).toHaveLength(windowBlocks);
  });

  it('hold background work back while the stream catches up, then are formatted, to the same DOM as a finished message', async () => {
    const view = render(<Markdown text={answer} streaming />);
    const job = sentinel();
    await laterTasks();
    expect(job.ran()).toBe(false);
    expect(plainBlocks(view.container).length).toBeGreaterThan(0);
    view.rerender(<Markdown text={answer} streaming={false} />);
    await vi.waitFor(() => expect(plainBlocks(view.container)).toEqual([]));
    expect(job.ran()).toBe(true);
    const streamed = view.container.innerHTML;
    cleanup();
    expect(render(<Markdown text={answer} streaming={false} />).container.innerHTML).toBe(streamed);
  });

  it('let background work go once the stream has kept pace for a moment, or is gone', async () => {
    vi.useFakeTimers();
    const view = render(<Markdown text={answer} streaming />);
    const job = sentinel();
    await act(() => vi.advanceTimersByTimeAsync(HOLD_AFTER_PLAIN_MS - 50));
    expect(job.ran()).toBe(false);
    // More text at reading speed starts no block as plain text: the hold runs out.
    view.rerender(<Markdown text={`${answer}More`} streaming />);
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(job.ran()).toBe(true);

    const again = render(<Markdown text={answer} streaming />);
    const second = sentinel();
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(second.ran()).toBe(false);
    again.unmount();
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(second.ran()).toBe(true);
  });

  it('are formatted when they come near the view, not when they leave it', async () => {
    const view = render(<Markdown text={answer} streaming />);
    const block = () => view.container.querySelector('[data-md-block="0"]');
    // The first report may describe the block's first frame, before the view followed the end: far from the view, it is ignored.
    const first = block();
    if (first !== null) first.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: window.innerHeight * 3, width: 600, height: 120 });
    await act(async () => void first?.dispatchEvent(visibility(false)));
    expect(block()?.hasAttribute('data-md-plain')).toBe(true);
    act(() => void block()?.dispatchEvent(visibility(true)));
    expect(block()?.hasAttribute('data-md-plain')).toBe(true);
    // Later reports are the block coming near the view as the reader scrolls.
    await act(async () => void block()?.dispatchEvent(visibility(false)));
    expect(block()?.hasAttribute('data-md-plain')).toBe(false);
    expect(view.container.querySelector('h1')?.textContent).toBe(`Paragraph 0 with bold words ${'and more words '.repeat(32).trim()}`);
  });

  it('a first report near the view formats the block at once', async () => {
    const view = render(<Markdown text={answer} streaming />);
    await act(async () => void view.container.querySelector('[data-md-block="1"]')?.dispatchEvent(visibility(false)));
    expect(view.container.querySelector('[data-md-block="1"]')?.hasAttribute('data-md-plain')).toBe(false);
  });

  it('the last batch of a stream also starts far blocks as plain text', () => {
    const view = render(<Markdown text={paragraphs[0] ?? ''} streaming />);
    view.rerender(<Markdown text={answer} streaming={false} />);
    expect(plainBlocks(view.container).length).toBeGreaterThan(0);
  });

  it('never happens to a stream that arrives at reading speed, nor to a message opened whole', () => {
    const view = render(<Markdown text="" streaming />);
    for (let end = 40; end < answer.length; end += 40) view.rerender(<Markdown text={answer.slice(0, end)} streaming />);
    view.rerender(<Markdown text={answer} streaming={false} />);
    expect(plainBlocks(view.container)).toEqual([]);
    cleanup();
    expect(plainBlocks(render(<Markdown text={answer} streaming={false} />).container)).toEqual([]);
  });
});
