// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FORMAT_WINDOW_CHARS } from './deferral';
import { Markdown } from './index';

afterEach(cleanup);

/** Twenty blocks of about 500 characters, the first of them a heading. */
const paragraphs = Array.from({ length: 20 }, (_, i) => `${i === 0 ? '# ' : ''}Paragraph ${i} with **bold** words ${'and more words '.repeat(32)}\n\n`);
const answer = paragraphs.join('');

const plainBlocks = (root: HTMLElement) => [...root.querySelectorAll('[data-md-plain]')].map((el) => Number(el.getAttribute('data-md-block')));
/** Background jobs run in timeouts under jsdom; a few rounds of them. */
const backgroundTasks = async () => {
  for (let i = 0; i < 3; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
};

describe('blocks a stream brings faster than a screen holds', () => {
  it('start as plain text when a window of text follows them, the rest formatted', () => {
    const view = render(<Markdown text={answer} streaming />);
    const plain = plainBlocks(view.container);
    const windowBlocks = Math.ceil(FORMAT_WINDOW_CHARS / (paragraphs[1]?.length ?? 1));
    expect(plain).toEqual(Array.from({ length: 20 - windowBlocks }, (_, i) => i));
    // Plain text keeps every character, markup included.
    expect(view.container.querySelector('[data-md-block="0"]')?.textContent?.trim()).toBe(paragraphs[0]?.trim());
    expect(view.container.querySelector('h1')).toBeNull();
    expect(view.container.querySelectorAll('strong')).toHaveLength(windowBlocks);
  });

  it('stay plain while the stream is catching up, then are formatted, to the same DOM as a finished message', async () => {
    const view = render(<Markdown text={answer} streaming />);
    await backgroundTasks();
    expect(plainBlocks(view.container).length).toBeGreaterThan(0);
    view.rerender(<Markdown text={answer} streaming={false} />);
    await vi.waitFor(() => expect(plainBlocks(view.container)).toEqual([]));
    const streamed = view.container.innerHTML;
    cleanup();
    expect(render(<Markdown text={answer} streaming={false} />).container.innerHTML).toBe(streamed);
  });

  it('are formatted at once when they come near the view', () => {
    const view = render(<Markdown text={answer} streaming />);
    const block = view.container.querySelector('[data-md-block="0"]');
    expect(block?.hasAttribute('data-md-plain')).toBe(true);
    const event = Object.assign(new Event('contentvisibilityautostatechange'), { skipped: false });
    act(() => void block?.dispatchEvent(event));
    expect(view.container.querySelector('[data-md-block="0"]')?.hasAttribute('data-md-plain')).toBe(false);
    expect(view.container.querySelector('h1')?.textContent).toBe('Paragraph 0 with bold words ' + 'and more words '.repeat(32).trim());
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
