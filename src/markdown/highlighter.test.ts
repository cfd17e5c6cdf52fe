import { describe, expect, it, vi } from 'vitest';
import type { FromHighlighter, ToHighlighter } from './highlight-queue';
import { createHighlighter, type HighlightWorkerLike } from './highlighter';

class FakeWorker implements HighlightWorkerLike {
  readonly sent: ToHighlighter[] = [];
  onmessage: ((event: MessageEvent<FromHighlighter>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(message: ToHighlighter): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: FromHighlighter): void {
    this.onmessage?.({ data: message } as MessageEvent<FromHighlighter>);
  }
  fail(): void {
    this.onerror?.({ message: 'boom' } as ErrorEvent);
  }
}

function withFakeWorker() {
  const worker = new FakeWorker();
  const spawn = vi.fn(() => worker);
  return { worker, spawn, highlighter: createHighlighter(spawn) };
}

describe('the page side of highlighting', () => {
  it('sends code to one worker and hands back, and remembers, what it highlighted', () => {
    const { worker, spawn, highlighter } = withFakeWorker();
    const done = vi.fn();
    highlighter.highlight({ code: 'let a', grammar: 'javascript', remember: true }, done);
    highlighter.highlight({ code: 'let b', grammar: 'javascript', remember: true }, () => undefined);
    expect(spawn).toHaveBeenCalledTimes(1);
    expect(worker.sent).toEqual([
      { type: 'highlight', id: 1, code: 'let a', grammar: 'javascript' },
      { type: 'highlight', id: 2, code: 'let b', grammar: 'javascript' },
    ]);
    worker.reply({ id: 1, html: '<b>let</b> a' });
    expect(done).toHaveBeenCalledWith('<b>let</b> a');
    expect(highlighter.highlightedBefore('let a', 'javascript')).toBe('<b>let</b> a');
    expect(highlighter.highlightedBefore('let a', 'typescript')).toBeNull();
  });

  it('passes on code that stays plain without remembering it', () => {
    const { worker, highlighter } = withFakeWorker();
    const done = vi.fn();
    highlighter.highlight({ code: 'huge', grammar: 'bash', remember: true }, done);
    worker.reply({ id: 1, html: null });
    expect(done).toHaveBeenCalledWith(null);
    expect(highlighter.highlightedBefore('huge', 'bash')).toBeNull();
  });

  it('cancels: the worker is told, and a late reply reaches no one', () => {
    const { worker, highlighter } = withFakeWorker();
    const done = vi.fn();
    const cancel = highlighter.highlight({ code: 'let a', grammar: 'javascript', remember: true }, done);
    cancel();
    expect(worker.sent.at(-1)).toEqual({ type: 'cancel', id: 1 });
    worker.reply({ id: 1, html: '<b>let</b> a' });
    expect(done).not.toHaveBeenCalled();
  });

  it('highlights on this thread what a failed worker was asked, and everything after', async () => {
    const { worker, spawn, highlighter } = withFakeWorker();
    const first = vi.fn();
    highlighter.highlight({ code: 'const a = 1;', grammar: 'typescript', remember: true }, first);
    worker.fail();
    expect(worker.terminated).toBe(true);
    await vi.waitFor(() => expect(first).toHaveBeenCalledWith(expect.stringContaining('<span class="hljs-keyword">const</span>')));
    const second = vi.fn();
    highlighter.highlight({ code: 'def f(): pass', grammar: 'python', remember: true }, second);
    await vi.waitFor(() => expect(second).toHaveBeenCalledWith(expect.stringContaining('<span class="hljs-keyword">def</span>')));
    expect(spawn).toHaveBeenCalledTimes(1);
    expect(worker.sent).toHaveLength(1);
  });

  it('forgets code asked not to be remembered (a growing block)', () => {
    const { worker, highlighter } = withFakeWorker();
    highlighter.highlight({ code: 'let a', grammar: 'javascript', remember: false }, () => undefined);
    worker.reply({ id: 1, html: '<b>let</b> a' });
    expect(highlighter.highlightedBefore('let a', 'javascript')).toBeNull();
  });

  it('still cancels a request that a failed worker handed back to this thread', async () => {
    const { worker, highlighter } = withFakeWorker();
    const cancelled = vi.fn();
    const kept = vi.fn();
    const cancel = highlighter.highlight({ code: 'let a = 1;', grammar: 'javascript', remember: true }, cancelled);
    highlighter.highlight({ code: 'let b = 2;', grammar: 'javascript', remember: true }, kept);
    worker.fail();
    cancel();
    await vi.waitFor(() => expect(kept).toHaveBeenCalled());
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('highlights on this thread when no worker can be started', async () => {
    const highlighter = createHighlighter(() => {
      throw new Error('workers are not allowed here');
    });
    const done = vi.fn();
    highlighter.highlight({ code: 'SELECT 1;', grammar: 'sql', remember: true }, done);
    await vi.waitFor(() => expect(done).toHaveBeenCalledWith(expect.stringContaining('hljs-keyword')));
    expect(highlighter.highlightedBefore('SELECT 1;', 'sql')).toContain('hljs-keyword');
  });
});
