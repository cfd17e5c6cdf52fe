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

test('the live region announces the start and end of an answer, not its tokens', async ({ page }) => {
  await page.goto('/');
  const announcer = page.getByTestId('announcer');
  await send(page, 'hello');
  await expect(announcer).toHaveText('Claude is answering…');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expect(announcer).toHaveText(/^Answer complete, \d+ tokens\.$/);
  await expect(page.getByTestId('transcript')).not.toHaveAttribute('aria-live', /.+/);
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
