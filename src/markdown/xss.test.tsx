// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from './index';

afterEach(cleanup);

const ATTACKS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  'inline <img src=x onerror=alert(1)> and <script>alert(1)</script> here',
  '[y](JaVaScRiPt:alert(1)) [z](java\tscript:alert(1)) [d](data:text/html,<script>alert(1)</script>) [v](vbscript:msgbox(1))',
  '<a href="javascript:alert(1)">a</a> <iframe src="javascript:alert(1)"></iframe>',
  '![i](javascript:alert(1)) <javascript:alert(1)>',
  '<div onclick="alert(1)">\n\nx\n\n</div>',
  '$\\href{javascript:alert(1)}{x}$',
].join('\n\n');

describe('raw HTML and unsafe links from the model', () => {
  for (const streaming of [true, false]) {
    it(`are rendered as inert text (streaming=${String(streaming)})`, () => {
      const { container } = render(<Markdown text={ATTACKS} streaming={streaming} />);
      expect(container.querySelector('img, script, iframe, [onerror], [onclick]')).toBeNull();
      for (const element of container.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          expect(attribute.value.toLowerCase().replace(/\s/g, '')).not.toMatch(/^(javascript|data|vbscript):/);
        }
      }
      expect(container.querySelectorAll('a')).toHaveLength(0);
      // The source stays visible, as text.
      expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
      expect(container.textContent).toContain('<script>alert(1)</script>');
    });
  }

  it('feeds the required cases one by one', () => {
    for (const attack of ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '[x](javascript:alert(1))']) {
      const { container } = render(<Markdown text={attack} streaming={false} />);
      expect(container.querySelector('img')).toBeNull();
      expect(container.querySelector('script')).toBeNull();
      expect(container.querySelector('a[href^="javascript:" i]')).toBeNull();
      expect(container.innerHTML).not.toMatch(/href="javascript:/i);
      cleanup();
    }
  });
});
