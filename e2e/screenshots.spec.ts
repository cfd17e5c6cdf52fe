// Screenshots of the main screens for the README, produced by the app
// itself so they stay current. Written to docs/screenshots/.
import { expect, test, type Page } from '@playwright/test';
import { lastAssistant, send } from './support';

const OUT = 'docs/screenshots';

async function conversation(page: Page) {
  await send(page, '/sim thinking');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await send(page, '/sim tool');
  await expect(page.locator('[data-block="tool_result"]')).toBeVisible();
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
}

for (const theme of ['light', 'dark'] as const) {
  test(`screenshots of the chat, usage panel and inspector (${theme})`, async ({ page }) => {
    await page.addInitScript((choice) => localStorage.setItem('theme', choice), theme);
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto('/');
    await expect(page.getByTestId('simulator-badge')).toBeVisible();
    if (theme === 'light') await page.screenshot({ path: `${OUT}/empty-light.png` });
    await conversation(page);
    await lastAssistant(page).getByRole('button', { name: 'More details' }).click();
    await page.screenshot({ path: `${OUT}/chat-${theme}.png` });
    if (theme === 'dark') return;
    await lastAssistant(page).getByRole('button', { name: 'Inspect stream' }).click();
    await expect(page.getByRole('dialog', { name: 'Stream inspector' })).toBeVisible();
    await page.screenshot({ path: `${OUT}/inspector-light.png` });
  });
}

test('screenshot on a 360 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await send(page, '/sim search');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  // Nothing overflows the screen sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: `${OUT}/phone-light.png` });
});
