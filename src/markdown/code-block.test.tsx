// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { grammarFor } from './highlight';
import { Markdown } from './index';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('code blocks', () => {
  it('copies the code and shows a visible Copied state', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<Markdown text={'```sh\nnpm test\n```'} streaming={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(writeText).toHaveBeenCalledWith('npm test');
    expect(await screen.findByText('Copied')).toBeTruthy();
  });

  it('reports a failed copy instead of pretending', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    render(<Markdown text={'```\nx\n```'} streaming={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(await screen.findByText('Failed')).toBeTruthy();
  });

  it('shows plain code first, then highlights once the grammar loads', async () => {
    const { container } = render(<Markdown text={'```typescript\nconst answer: number = 42;\n```'} streaming={false} />);
    const code = container.querySelector('pre code');
    expect(code?.textContent).toBe('const answer: number = 42;');
    await waitFor(() => expect(container.querySelector('pre code .hljs-keyword')).not.toBeNull());
    expect(container.querySelector('pre code')?.textContent).toBe('const answer: number = 42;');
  });

  it('while streaming, highlights on a timer and keeps the unhighlighted rest visible', async () => {
    const first = '```python\ndef f():\n    return 1\n';
    const view = render(<Markdown text={first} streaming />);
    await waitFor(() => expect(view.container.querySelector('pre code .hljs-keyword')).not.toBeNull());
    view.rerender(<Markdown text={`${first}print(f())`} streaming />);
    expect(view.container.querySelector('pre code')?.textContent).toBe('def f():\n    return 1\nprint(f())');
  });

  it('hides a language label that is still being typed', () => {
    const { container } = render(<Markdown text={'```pyth'} streaming />);
    expect(container.querySelector('[data-testid=code-lang]')?.textContent).toBe('text');
  });

  it('maps common aliases and leaves unknown languages plain', () => {
    expect(grammarFor('TS')).toBe('typescript');
    expect(grammarFor('sh')).toBe('bash');
    expect(grammarFor('html')).toBe('xml');
    expect(grammarFor('brainfuck')).toBeNull();
    expect(grammarFor('constructor')).toBeNull();
  });

  it('leaves unknown languages unhighlighted', async () => {
    const { container } = render(<Markdown text={'```cobol\nDISPLAY "HI".\n```'} streaming={false} />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(container.querySelector('pre code span')).toBeNull();
  });
});

describe('code highlighted before', () => {
  it('is shown highlighted at once when its block mounts again', async () => {
    const text = '```typescript\nconst again: string = "x";\n```';
    const first = render(<Markdown text={text} streaming={false} />);
    await waitFor(() => expect(first.container.querySelector('pre code .hljs-keyword')).not.toBeNull());
    first.unmount();
    const second = render(<Markdown text={text} streaming={false} />);
    expect(second.container.querySelector('pre code .hljs-keyword')).not.toBeNull();
  });
});
