import { describe, expect, it, vi } from 'vitest';
import { MAX_HIGHLIGHT_CHARS } from './highlight';

// A grammar chunk that fails to load (a network error, a deploy that removed it), and code the highlighter throws on.
vi.mock('./highlight', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./highlight')>();
  return {
    ...actual,
    loadGrammar: (name: string) => (name === 'broken' ? Promise.reject(new Error('chunk failed')) : actual.loadGrammar(name)),
    highlightLoaded: (code: string, name: string) => {
      if (code === 'explode') throw new Error('highlighter bug');
      return actual.highlightLoaded(code, name);
    },
  };
});
import { createHighlightQueue, type FromHighlighter } from './highlight-queue';

/** A queue whose tasks run only when the test says so. */
function manualQueue() {
  const replies: FromHighlighter[] = [];
  const tasks: Array<() => void> = [];
  const queue = createHighlightQueue((reply) => replies.push(reply), (run) => tasks.push(run));
  /** Runs the next task and waits until it has replied. */
  const step = async () => {
    const before = replies.length;
    tasks.shift()?.();
    await expect.poll(() => replies.length).toBe(before + 1);
  };
  return { queue, replies, tasks, step };
}

describe('the highlight worker queue', () => {
  it('highlights requests in the order they came, one task each', async () => {
    const { queue, replies, tasks, step } = manualQueue();
    queue.receive({ type: 'highlight', id: 1, code: 'const a = 1;', grammar: 'typescript' });
    queue.receive({ type: 'highlight', id: 2, code: 'def f(): pass', grammar: 'python' });
    expect(tasks).toHaveLength(1);
    await step();
    expect(replies.map((r) => r.id)).toEqual([1]);
    await step();
    expect(replies.map((r) => r.id)).toEqual([1, 2]);
    expect(replies[0]?.html).toContain('<span class="hljs-keyword">const</span>');
    expect(replies[1]?.html).toContain('<span class="hljs-keyword">def</span>');
  });

  it('drops a request cancelled before its turn, without highlighting it', async () => {
    const { queue, replies, tasks, step } = manualQueue();
    queue.receive({ type: 'highlight', id: 1, code: 'let a = 1;', grammar: 'javascript' });
    queue.receive({ type: 'highlight', id: 2, code: 'let b = 2;', grammar: 'javascript' });
    queue.receive({ type: 'highlight', id: 3, code: 'let c = 3;', grammar: 'javascript' });
    queue.receive({ type: 'cancel', id: 2 });
    await step();
    await step();
    tasks.shift()?.(); // finds nothing left
    expect(replies.map((r) => r.id)).toEqual([1, 3]);
    expect(tasks).toHaveLength(0);
  });

  it('answers a request that failed with plain code, and goes on', async () => {
    const { queue, replies, step } = manualQueue();
    queue.receive({ type: 'highlight', id: 1, code: 'x = 1', grammar: 'broken' });
    queue.receive({ type: 'highlight', id: 2, code: 'explode', grammar: 'python' });
    queue.receive({ type: 'highlight', id: 3, code: 'y = 2', grammar: 'python' });
    await step();
    await step();
    await step();
    expect(replies.slice(0, 2)).toEqual([
      { id: 1, html: null },
      { id: 2, html: null },
    ]);
    expect(replies[2]?.html).toContain('hljs-number');
  });

  it('escapes the code it highlights', async () => {
    const { queue, replies, step } = manualQueue();
    queue.receive({ type: 'highlight', id: 1, code: 'const s = "<img src=x onerror=alert(1)>";', grammar: 'typescript' });
    await step();
    expect(replies[0]?.html).not.toContain('<img');
    expect(replies[0]?.html).toContain('&lt;img');
  });

  it('leaves code over the size limit plain', async () => {
    const { queue, replies, step } = manualQueue();
    queue.receive({ type: 'highlight', id: 1, code: 'x'.repeat(MAX_HIGHLIGHT_CHARS + 1), grammar: 'bash' });
    await step();
    expect(replies).toEqual([{ id: 1, html: null }]);
  });
});
