// Markdown as Chromium renders it, from answers the simulator echoes word for word (`/sim echo`).
import { expect, test } from '@playwright/test';
import { lastAssistant, send } from './support';

test('raw HTML and script links in an answer never run', async ({ page }) => {
  await page.goto('/');
  const payload = [
    '/sim echo',
    `<img src=x onerror="window.__xss = 'img'">`,
    '',
    `<script>window.__xss = 'script'</script>`,
    '',
    `<svg onload="window.__xss = 'svg'"></svg> <a href="javascript:window.__xss = 'html link'">html link</a>`,
    '',
    `A [markdown link](javascript:window.__xss='markdown-link') and <javascript:window.__xss='autolink'>.`,
  ].join('\n');
  await send(page, payload);
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'complete');
  await expect(answer.getByText('markdown link')).toBeVisible();
  await answer.getByText('markdown link').click();
  await answer.getByText('html link').click();

  const found = await answer.evaluate((el) => ({
    ran: (window as unknown as { __xss?: string }).__xss ?? null,
    elements: el.querySelectorAll('script, img, svg, iframe').length,
    handlers: [...el.querySelectorAll('*')].flatMap((node) => [...node.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
    scriptHrefs: [...el.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '').filter((href) => /^\s*javascript:/i.test(href)),
  }));
  expect(found).toEqual({ ran: null, elements: 0, handlers: [], scriptHrefs: [] });
  // The HTML is shown as the text it is.
  await expect(answer).toContainText('<script>');
});

test('GitHub-flavoured markdown, math and code render as such', async ({ page }) => {
  await page.goto('/');
  const markdown = [
    '/sim echo',
    '## Groceries',
    '',
    '| Item | Qty |',
    '|:-----|----:|',
    '| apples | 3 |',
    '| pears | 12 |',
    '',
    '- [x] bought',
    '- [ ] cooked',
    '',
    '~~struck~~, **strong** and https://example.com/page',
    '',
    'Euler: $e^{i\\pi} + 1 = 0$',
    '',
    '$$',
    '\\int_0^1 x\\,dx',
    '$$',
    '',
    '```python',
    'def total(items):',
    '    return sum(items)',
    '```',
  ].join('\n');
  await send(page, markdown);
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'complete');

  await expect(answer.getByRole('heading', { level: 2, name: 'Groceries' })).toBeVisible();
  const table = answer.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Item', 'Qty']);
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('cell', { name: '12' })).toHaveCSS('text-align', 'right');
  const boxes = answer.getByRole('checkbox');
  await expect(boxes).toHaveCount(2);
  await expect(boxes.first()).toBeChecked();
  await expect(boxes.first()).toBeDisabled();
  await expect(boxes.last()).not.toBeChecked();
  await expect(answer.locator('del')).toHaveText('struck');
  await expect(answer.getByRole('link', { name: 'https://example.com/page' })).toHaveAttribute('href', 'https://example.com/page');
  // KaTeX loads on demand: inline and display math end up typeset.
  await expect(answer.locator('.katex')).toHaveCount(2);
  await expect(answer.locator('.katex-display')).toHaveCount(1);
  await expect(answer.getByTestId('code-lang')).toHaveText('python');
  await expect(answer.locator('pre code .hljs-keyword').first()).toHaveText('def');
  await expect(answer.locator('pre code')).toHaveText('def total(items):\n    return sum(items)');
});
