import { describe, expect, it } from 'vitest';
import { EMPTY_SPLIT, splitBlocks, type Split } from './split';

const blocksOf = (text: string, final = true) => splitBlocks(text, EMPTY_SPLIT, final).blocks;

const SAMPLE = [
  '# Title',
  'Intro paragraph with `code` and a [link](https://example.com).',
  '',
  '- one',
  '- two',
  '',
  '  continued item',
  '- [ ] task',
  '',
  '```ts',
  'const a = 1;',
  '',
  'const b = 2;',
  '```',
  'After the fence.',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  '$$',
  'x^2',
  '',
  '$$',
  '> quote',
  '',
  '1. first',
  '',
  '2. second',
  '',
  'Code:',
  '',
  '    indented code',
  '',
  '    more code',
  '',
  '---',
  'The end.',
  '',
].join('\n');

/** Streams `text` in chunks of `step`, as deltas would arrive. */
function stream(text: string, step: number): Split[] {
  const splits: Split[] = [];
  let split = EMPTY_SPLIT;
  for (let end = step; end < text.length + step; end += step) {
    split = splitBlocks(text.slice(0, Math.min(end, text.length)), split);
    splits.push(split);
  }
  return splits;
}

describe('splitBlocks', () => {
  it('keeps every character: blocks join back to the text', () => {
    expect(blocksOf(SAMPLE).join('')).toBe(SAMPLE);
    expect(blocksOf('')).toEqual([]);
  });

  it('splits at blank lines and around headings, fences and $$ blocks', () => {
    expect(blocksOf(SAMPLE)).toEqual([
      '# Title\n',
      'Intro paragraph with `code` and a [link](https://example.com).\n\n',
      '- one\n- two\n\n  continued item\n- [ ] task\n\n',
      '```ts\nconst a = 1;\n\nconst b = 2;\n```\n',
      'After the fence.\n\n',
      '| a | b |\n|---|---|\n| 1 | 2 |\n\n',
      '$$\nx^2\n\n$$\n',
      '> quote\n\n',
      '1. first\n\n2. second\n\n',
      'Code:\n\n',
      '    indented code\n\n    more code\n\n',
      '---\nThe end.\n',
    ]);
  });

  it('does not split inside a fence, even at blank lines or headings', () => {
    const text = '```md\n# not a heading\n\n\nstill code\n~~~\n```\nafter';
    expect(blocksOf(text)).toEqual(['```md\n# not a heading\n\n\nstill code\n~~~\n```\n', 'after']);
  });

  it('needs a closing fence of the same kind and at least the same length', () => {
    expect(blocksOf('````\n```\n\ncode\n````\nx')).toEqual(['````\n```\n\ncode\n````\n', 'x']);
    expect(blocksOf('~~~\n```\n\n~~~\nx')).toEqual(['~~~\n```\n\n~~~\n', 'x']);
  });

  it('keeps an unterminated fence as one growing block', () => {
    expect(blocksOf('text\n\n```py\nprint(1)\n\n# comment', false)).toEqual(['text\n\n', '```py\nprint(1)\n\n# comment']);
  });

  it('keeps indented fences inside list items', () => {
    const text = '- item\n\n  ```\n  a\n\n  b\n  ```\n- next\n\npara';
    expect(blocksOf(text)).toEqual(['- item\n\n  ```\n  a\n\n  b\n  ```\n- next\n\n', 'para']);
  });

  it('ends a list at an unindented non-item line after a blank', () => {
    expect(blocksOf('- a\n- b\n\nNot a list')).toEqual(['- a\n- b\n\n', 'Not a list']);
    expect(blocksOf('- a\n\n b')).toEqual(['- a\n\n', ' b']);
    expect(blocksOf('Intro:\n- a\n\n- b')).toEqual(['Intro:\n- a\n\n- b']);
    expect(blocksOf('- a\n\n***\n')).toEqual(['- a\n\n', '***\n']);
  });

  it('keeps a table (no blank lines) in one block', () => {
    expect(blocksOf('| a |\n|---|\n| 1 |\n| 2 |')).toEqual(['| a |\n|---|\n| 1 |\n| 2 |']);
  });

  it('does not decide on a partial line while streaming', () => {
    expect(blocksOf('- a\n\n1', false)).toEqual(['- a\n\n1']);
    expect(blocksOf('- a\n\n1', true)).toEqual(['- a\n\n', '1']);
    expect(blocksOf('- a\n\n1. b\n', false)).toEqual(['- a\n\n1. b\n']);
  });

  it('treats one-line $$ math as its own block', () => {
    expect(blocksOf('a\n$$x$$\nb')).toEqual(['a\n', '$$x$$\n', 'b']);
  });

  it('never changes a settled block while text is appended', () => {
    for (const step of [1, 3, 17]) {
      const splits = stream(SAMPLE, step);
      for (let k = 1; k < splits.length; k++) {
        const before = splits[k - 1]?.blocks ?? [];
        const after = splits[k]?.blocks ?? [];
        expect(after.length).toBeGreaterThanOrEqual(before.length);
        expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
      }
    }
  });

  it('keeps settled blocks as the very same strings', () => {
    const first = splitBlocks('# A\npara one\n\npara two\n\nthree\n', EMPTY_SPLIT);
    const second = splitBlocks(`${first.text}more\n`, first);
    expect(first.blocks).toHaveLength(4);
    expect(second.blocks[0]).toBe(first.blocks[0]);
    expect(second.blocks[1]).toBe(first.blocks[1]);
    expect(second.blocks[2]).toBe(first.blocks[2]);
  });

  it('incremental equals from scratch at every prefix', () => {
    for (const step of [1, 2, 5, 11]) {
      for (const split of stream(SAMPLE, step)) {
        expect(split).toEqual(splitBlocks(split.text, EMPTY_SPLIT));
      }
    }
    const incremental = stream(SAMPLE, 4).at(-1) ?? EMPTY_SPLIT;
    expect(splitBlocks(SAMPLE, incremental, true)).toEqual(splitBlocks(SAMPLE, EMPTY_SPLIT, true));
  });

  it('resumes from the tail only', () => {
    const prev = splitBlocks(`${'para\n\n'.repeat(1000)}tail\n`, EMPTY_SPLIT);
    expect(prev.tailStart).toBe(6000);
    const next = splitBlocks(`${prev.text}grows`, prev);
    expect(next.blocks.slice(0, -1)).toEqual(prev.blocks.slice(0, -1));
    expect(next.blocks.at(-1)).toBe('tail\ngrows');
  });

  it('falls back to a full scan when the text was replaced', () => {
    const prev = splitBlocks('a\n\nb', EMPTY_SPLIT);
    expect(splitBlocks('x\n\ny\n\nz', prev, true).blocks).toEqual(['x\n\n', 'y\n\n', 'z']);
    expect(splitBlocks('', prev).blocks).toEqual([]);
  });
});
