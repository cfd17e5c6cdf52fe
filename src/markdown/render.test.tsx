// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from './index';

afterEach(cleanup);

const md = (text: string, streaming = false) => render(<Markdown text={text} streaming={streaming} />).container;

describe('Markdown renders GFM', () => {
  it('headings and paragraphs', () => {
    const root = md('# One\n## Two\n###### Six\n\nA paragraph\nwith a soft break.\n\nAnother.');
    expect(root.querySelector('h1')?.textContent).toBe('One');
    expect(root.querySelector('h2')?.textContent).toBe('Two');
    expect(root.querySelector('h6')?.textContent).toBe('Six');
    expect([...root.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['A paragraph\nwith a soft break.', 'Another.']);
  });

  it('emphasis, strong, strikethrough, inline code and entities', () => {
    const root = md('*em* **strong** ~~gone~~ `a<b &amp;` &amp; &copy; &#x41; \\*literal\\*');
    expect(root.querySelector('em')?.textContent).toBe('em');
    expect(root.querySelector('strong')?.textContent).toBe('strong');
    expect(root.querySelector('del')?.textContent).toBe('gone');
    expect(root.querySelector('code')?.textContent).toBe('a<b &amp;');
    expect(root.textContent).toContain('& © A *literal*');
  });

  it('links and autolinks open safely in a new tab', () => {
    const root = md('[site](https://example.com/a?b=1 "T") <https://x.org> www.example.com mail@example.com');
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/a?b=1', 'https://x.org/', 'http://www.example.com/', 'mailto:mail@example.com']);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noreferrer noopener');
    }
    expect(links[0]?.getAttribute('title')).toBe('T');
  });

  it('ordered, unordered and nested lists', () => {
    const root = md('3. three\n4. four\n   - nested *a*\n   - nested b\n\n- x\n- y');
    const ol = root.querySelector('ol');
    expect(ol?.getAttribute('start')).toBe('3');
    expect(ol?.querySelectorAll(':scope > li')).toHaveLength(2);
    expect(ol?.querySelector('li ul')?.querySelectorAll('li')).toHaveLength(2);
    expect(ol?.querySelector('li ul em')?.textContent).toBe('a');
    expect(root.querySelectorAll(':scope ul')).toHaveLength(2);
  });

  it('task lists with disabled checkboxes inline with their text', () => {
    const root = md('- [x] done\n- [ ] todo');
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes.map((b) => [b.checked, b.disabled])).toEqual([[true, true], [false, true]]);
    expect(boxes[0]?.parentElement?.textContent).toBe('done');
  });

  it('blockquotes', () => {
    const root = md('> quoted **text**\n>\n> second');
    expect(root.querySelector('blockquote strong')?.textContent).toBe('text');
    expect(root.querySelectorAll('blockquote p')).toHaveLength(2);
  });

  it('tables with alignment inside a horizontal scroller', () => {
    const root = md('| L | C | R |\n|:--|:-:|--:|\n| a | `b` | c |\n| d | e | f |');
    const table = root.querySelector('table');
    expect(table?.parentElement?.className).toContain('overflow-x-auto');
    expect([...(table?.querySelectorAll('th') ?? [])].map((th) => th.textContent)).toEqual(['L', 'C', 'R']);
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(table?.querySelectorAll('th')[1]?.getAttribute('style')).toContain('center');
    expect(table?.querySelector('td code')?.textContent).toBe('b');
  });

  it('horizontal rules', () => {
    expect(md('a\n\n---\n\nb').querySelectorAll('hr')).toHaveLength(1);
  });

  it('fenced code with a language label and a Copy button', () => {
    const root = md('```python\nprint("hi")\n```');
    expect(root.querySelector('pre code')?.textContent).toBe('print("hi")');
    expect(root.querySelector('[data-testid=code-lang]')?.textContent).toBe('python');
    expect(root.querySelector('button')?.textContent).toBe('Copy');
  });

  it('an unterminated fence renders as code while streaming', () => {
    const root = md('Look:\n\n```ts\nconst a = 1;\n\nconst b', true);
    expect(root.querySelector('pre code')?.textContent).toBe('const a = 1;\n\nconst b');
    expect(root.querySelector('[data-testid=code-lang]')?.textContent).toBe('ts');
  });

  it('a half-written link or table renders as text, then settles', () => {
    const link = md('see [docs](https://exa', true);
    expect(link.textContent).toContain('see [docs](');
    cleanup();
    const table = md('| a | b |\n|--', true);
    expect(table.querySelector('table')).toBeNull();
    expect(table.textContent).toContain('| a | b |');
    cleanup();
    expect(md('| a | b |\n|---|---|\n| 1 | 2 |').querySelector('table')).not.toBeNull();
  });

  it('puts the caret in the tail block only, and only while streaming', () => {
    const root = md('first\n\nsecond', true);
    const carets = root.querySelectorAll('[data-testid=caret]');
    expect(carets).toHaveLength(1);
    expect(carets[0]?.closest('p')?.textContent).toBe('second');
    cleanup();
    expect(md('first\n\nsecond').querySelector('[data-testid=caret]')).toBeNull();
  });

  it('markdown images become links, never <img>', () => {
    const root = md('![a cat](https://example.com/cat.png)');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://example.com/cat.png');
  });
});
