// axe-core on the main screens, in both themes: no serious or critical violations.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { lastAssistant, send } from './support';

async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map((v) => `${screen}: ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary).toEqual([]);
}

for (const theme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations on the main screens (${theme} theme)`, async ({ page }) => {
    await page.addInitScript((choice) => localStorage.setItem('theme', choice), theme);
    await page.goto('/');
    await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
    await expectNoSeriousViolations(page, 'empty chat');

    // A streamed answer with thinking, then a tool loop.
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Conversation settings' });
    await expectNoSeriousViolations(page, 'settings');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await send(page, '/sim thinking');
    await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
    await send(page, '/sim tool');
    await expect(page.locator('[data-block="tool_result"]')).toBeVisible();
    await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
    await page.locator('[data-block="thinking"] summary').first().click();
    await expectNoSeriousViolations(page, 'answers with thinking and tools');

    await lastAssistant(page).getByRole('button', { name: 'More details' }).click();
    await expectNoSeriousViolations(page, 'usage panel');

    await lastAssistant(page).getByRole('button', { name: 'Inspect stream' }).click();
    await expect(page.getByRole('dialog', { name: 'Stream inspector' })).toBeVisible();
    await expectNoSeriousViolations(page, 'stream inspector');
  });
}

/** What the in-page live-region recorder found; see the test below. */
interface LiveRegionRecord {
  /** Each distinct breach of the rules, described. */
  readonly violations: string[];
  /** Each distinct live region seen inside the transcript (the legitimate ones: copy buttons, notices, errors). */
  readonly liveRegions: string[];
  /** How many mutation batches were checked, and how many of them while an answer was streaming. */
  checks: number;
  checksWhileStreaming: number;
}

/**
 * Installed before the app loads. The app's one announcer (src/app/announcer.tsx) lives outside the transcript and
 * says only when an answer starts and ends. Inside the transcript a few live regions are legitimate (the Copy buttons'
 * labels, notices, error alerts), so the rule is not "none at all" but: no streamed text is ever in a live region.
 * On every DOM mutation batch, and once more at the end:
 *  1. the transcript is not itself in a live region (itself or an ancestor);
 *  2. no live region inside it is, or holds, a message content block (text, thinking, tool input);
 *  3. no mutation changes content inside a live region of the transcript (a growing answer would be re-announced).
 * A live region is the nearest element with an `aria-live` other than "off", or without `aria-live` a role of
 * status, alert or log, or an <output>; an explicit aria-live="off" ends the search.
 */
function recordLiveRegions() {
  const STREAMED = '[data-block="text"], [data-block="thinking"], [data-block="tool_use"], [data-block="server_tool_use"]';
  const record: LiveRegionRecord = { violations: [], liveRegions: [], checks: 0, checksWhileStreaming: 0 };
  const politeness = (el: Element): string | null => {
    const attr = el.getAttribute('aria-live')?.trim().toLowerCase();
    if (attr) return attr;
    const role = (el.getAttribute('role') ?? '').trim().split(/\s+/)[0];
    if (role === 'alert') return 'assertive';
    if (role === 'status' || role === 'log' || (role === '' && el.tagName === 'OUTPUT')) return 'polite';
    return null;
  };
  const regionOf = (node: Node): Element | null => {
    for (let el = node instanceof Element ? node : node.parentElement; el !== null; el = el.parentElement) {
      const p = politeness(el);
      if (p !== null) return p === 'off' ? null : el;
    }
    return null;
  };
  const describe = (el: Element) =>
    `<${el.tagName.toLowerCase()}${['role', 'aria-live', 'data-block', 'data-testid', 'data-role'].map((a) => (el.hasAttribute(a) ? ` ${a}="${el.getAttribute(a)}"` : '')).join('')}>`;
  const note = (list: string[], entry: string) => {
    if (!list.includes(entry)) list.push(entry);
  };
  const check = (mutations: readonly MutationRecord[]) => {
    const transcript = document.querySelector('[data-testid="transcript"]');
    if (transcript === null) return;
    record.checks += 1;
    if (transcript.querySelector('article[data-role="assistant"][data-status="streaming"]') !== null) record.checksWhileStreaming += 1;
    const outer = regionOf(transcript);
    if (outer !== null) note(record.violations, `the transcript is in the live region ${describe(outer)}`);
    for (const el of transcript.querySelectorAll('[aria-live], [role], output')) {
      const p = politeness(el);
      if (p === null || p === 'off') continue;
      note(record.liveRegions, describe(el));
      if (el.matches(STREAMED) || el.querySelector(STREAMED) !== null) note(record.violations, `the live region ${describe(el)} holds a message content block`);
    }
    for (const m of mutations) {
      if (m.type === 'attributes' || !transcript.contains(m.target)) continue;
      const region = regionOf(m.target);
      if (region !== null && transcript.contains(region)) note(record.violations, `content changed inside the live region ${describe(region)}`);
    }
  };
  const w = window as unknown as { __liveRegions: LiveRegionRecord; __checkLiveRegions: () => void };
  w.__liveRegions = record;
  w.__checkLiveRegions = () => check([]);
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-live', 'role', 'data-status'] });
}

test('the live region announces the start and end of an answer, not its tokens; no live region in the transcript carries streamed text', async ({ page }) => {
  await page.addInitScript(recordLiveRegions);
  await page.goto('/');
  const announcer = page.getByTestId('announcer');
  const transcript = page.getByTestId('transcript');
  await expect(transcript.getByTestId('announcer')).toHaveCount(0);
  // An answer with paragraphs, a list and a code block (whose Copy button label is a legitimate live region inside a text
  // block), streamed at the simulator's pace.
  await send(page, ['/sim echo', 'Here is the plan, in a few steps that each take a moment to read.', '', '- First, measure the baseline.', '- Then change one thing at a time.', '', '```ts', 'const total = items.reduce((sum, item) => sum + item.price, 0);', '```', '', 'That is all there is to it, and the result is easy to check.'].join('\n'));
  await expect(announcer).toHaveText('Claude is answering…');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expect(announcer).toHaveText(/^Answer complete, \d+ tokens\.$/);
  await expect(lastAssistant(page).locator('[data-block="text"] pre')).toHaveCount(1);

  // After the answer: the same rules, checked once more on the final DOM.
  await page.evaluate(() => (window as unknown as { __checkLiveRegions: () => void }).__checkLiveRegions());
  const record = await page.evaluate(() => (window as unknown as { __liveRegions: LiveRegionRecord }).__liveRegions);
  test.info().annotations.push({ type: 'live regions in the transcript', description: record.liveRegions.join(', ') || 'none' });
  expect(record.checksWhileStreaming, 'the transcript was checked while the answer streamed').toBeGreaterThan(5);
  expect(record.violations).toEqual([]);
});

test('the theme toggle is remembered across reloads', async ({ page }) => {
  await page.goto('/');
  const toggle = page.getByRole('button', { name: /^Theme:/ });
  await toggle.click();
  await expect(page.getByRole('button', { name: 'Theme: Light' })).toBeVisible();
  await page.getByRole('button', { name: 'Theme: Light' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(page.getByRole('button', { name: 'Theme: Dark' })).toBeVisible();
});
