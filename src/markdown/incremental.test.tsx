// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Markdown } from './index';
import { setBlockRenderListener } from './probe';

let renders: number[] = [];

beforeEach(() => {
  renders = [];
  setBlockRenderListener((index) => renders.push(index));
});

afterEach(() => {
  setBlockRenderListener(undefined);
  cleanup();
});

const count = (index: number) => renders.filter((i) => i === index).length;

describe('streaming re-renders only the tail', () => {
  it('appending text renders the last block only', () => {
    const head = '# Title\n\nFirst paragraph.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nlet x = 1;\n```\n';
    const view = render(<Markdown text={`${head}Tail`} streaming />);
    expect(renders).toEqual([0, 1, 2, 3, 4]);
    const firstBlock = view.container.querySelector('[data-md-block="0"]');

    renders = [];
    for (const delta of [' grows', ' and', ' grows', ' more.']) {
      view.rerender(<Markdown text={`${head}Tail${delta}`} streaming />);
    }
    expect(renders).toEqual([4, 4, 4, 4]);
    // Same DOM node: the settled block was neither re-rendered nor remounted.
    expect(view.container.querySelector('[data-md-block="0"]')).toBe(firstBlock);
  });

  it('a block that settles renders once more, then never again', () => {
    const view = render(<Markdown text={'para one'} streaming />);
    renders = [];
    view.rerender(<Markdown text={'para one\n\nsecond'} streaming />);
    // "second" is a partial line: undecided, still in block 0.
    expect(renders).toEqual([0]);
    renders = [];
    view.rerender(<Markdown text={'para one\n\nsecond\n'} streaming />);
    expect(renders.sort()).toEqual([0, 1]);
    renders = [];
    view.rerender(<Markdown text={'para one\n\nsecond\nthird'} streaming />);
    view.rerender(<Markdown text={'para one\n\nsecond\nthird line'} streaming />);
    expect(count(0)).toBe(0);
    expect(count(1)).toBe(2);
  });

  it('ending the stream renders the tail once and removes the caret', () => {
    const text = 'a\n\nb\n\nc\n';
    const view = render(<Markdown text={text} streaming />);
    renders = [];
    view.rerender(<Markdown text={text} streaming={false} />);
    expect(renders).toEqual([2]);
    expect(view.container.querySelector('[data-testid=caret]')).toBeNull();
  });

  it('a streamed message renders the same DOM as the finished one', () => {
    const full = '# T\n\n- a\n- b\n\n```py\nx = 1\n```\n\n| h |\n|---|\n| v |\n\nend *here*';
    const view = render(<Markdown text="" streaming />);
    for (let i = 1; i <= full.length; i += 3) view.rerender(<Markdown text={full.slice(0, i)} streaming />);
    view.rerender(<Markdown text={full} streaming={false} />);
    const streamed = view.container.innerHTML;
    cleanup();
    const fresh = render(<Markdown text={full} streaming={false} />);
    expect(streamed).toBe(fresh.container.innerHTML);
  });
});
