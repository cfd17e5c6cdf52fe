// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightRequest, OnHighlighted } from './highlighter';
import { useHighlight } from './use-highlight';

interface Asked {
  readonly request: HighlightRequest;
  readonly done: OnHighlighted;
  cancelled: boolean;
}

// A highlighter that answers only when the test says so, like a busy worker.
const asked = vi.hoisted((): Asked[] => []);
vi.mock('./highlighter', async () => {
  const { createIdleQueue } = await import('./background');
  return {
  highlighter: {
    inBackground: createIdleQueue().inBackground,
    warmUp: () => undefined,
    highlightedBefore: () => null,
    highlight(request: HighlightRequest, done: OnHighlighted) {
      const entry: Asked = { request, done, cancelled: false };
      asked.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
  },
  };
});

function Probe({ code, live }: { code: string; live: boolean }) {
  const highlighted = useHighlight(code, 'python', live);
  return <output data-html={highlighted?.html ?? ''} data-length={highlighted?.length ?? 0} />;
}

const shown = (container: HTMLElement) => container.querySelector('output')?.dataset;
const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

beforeEach(() => {
  asked.length = 0;
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('highlighting growing code', () => {
  it('asks once at a time, and again for what grew while it waited', async () => {
    const view = render(<Probe code="a = 1" live />);
    await wait(250);
    expect(asked.map((a) => a.request.code)).toEqual(['a = 1']);
    expect(asked[0]?.request.remember).toBe(false);

    view.rerender(<Probe code={'a = 1\nb = 2'} live />);
    await wait(500);
    expect(asked).toHaveLength(1); // still waiting for the first answer

    await act(() => asked[0]?.done('<i>a = 1</i>'));
    expect(shown(view.container)).toMatchObject({ html: '<i>a = 1</i>', length: '5' });
    await wait(250);
    expect(asked.map((a) => a.request.code)).toEqual(['a = 1', 'a = 1\nb = 2']);

    await act(() => asked[1]?.done('<i>all</i>'));
    await wait(500);
    expect(asked).toHaveLength(2); // nothing new to highlight
    expect(shown(view.container)).toMatchObject({ html: '<i>all</i>', length: '11' });
  });

  it('cancels what is pending when the block goes away', async () => {
    const view = render(<Probe code="a = 1" live />);
    await wait(250);
    view.unmount();
    expect(asked[0]?.cancelled).toBe(true);
  });

  it('asks once for settled code, to be remembered', async () => {
    render(<Probe code="done = True" live={false} />);
    await wait(50);
    expect(asked.map((a) => [a.request.code, a.request.remember])).toEqual([['done = True', true]]);
  });
});
