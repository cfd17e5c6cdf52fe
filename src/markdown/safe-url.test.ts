import { describe, expect, it } from 'vitest';
import { decodeEntities } from './entities';
import { safeHref } from './safe-url';

describe('safeHref', () => {
  it('allows http, https and mailto', () => {
    expect(safeHref('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeHref(' http://x.org ')).toBe('http://x.org/');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
  });

  it('rejects script-bearing and relative URLs', () => {
    for (const href of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', '\u0001javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '/relative', '#frag', '']) {
      expect(safeHref(href)).toBeNull();
    }
  });
});

describe('decodeEntities', () => {
  it('decodes numeric and common named references, leaves unknown ones', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&#39;&#x1F600;&mdash;&bogus;')).toBe('&<>"\'😀—&bogus;');
    expect(decodeEntities('&#0;&#xD800;')).toBe('\ufffd\ufffd');
  });
});
