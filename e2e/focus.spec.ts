// Keyboard only: the narrow-screen drawer and the dialogs keep focus inside while open, make the
// page behind them unreachable, and give focus back to what opened them when they close.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { lastAssistant, send } from './support';

/** Presses Tab until `target` has focus (as a keyboard user would reach it). */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** Presses `key` `times` times; after each press, where focus is: inside `container`, or a description of where else. */
async function focusWalk(page: Page, container: Locator, key: string, times: number): Promise<string[]> {
  const outside: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    const where = await container.evaluate((element) => {
      const active = document.activeElement;
      const name = active === null ? 'nothing' : `${active.tagName.toLowerCase()} "${(active.getAttribute('aria-label') ?? active.textContent ?? '').trim().slice(0, 30)}"`;
      return { inside: active !== null && element.contains(active), name };
    });
    if (!where.inside) outside.push(`${key} #${i + 1}: ${where.name}`);
    seen.add(where.name);
  }
  expect(seen.size, 'focus moved between several controls').toBeGreaterThan(2);
  return outside;
}

test('narrow screen: the open drawer traps focus, the page behind it is inert, and closing returns focus to its button', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 800 });
  await page.goto('/');
  const drawer = page.getByRole('complementary', { name: 'Conversation history' });
  const toggle = page.getByRole('button', { name: 'Conversations' });
  await tabTo(page, toggle);
  await page.keyboard.press('Enter');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'New chat', exact: true }).first()).toBeFocused();

  expect(await focusWalk(page, drawer, 'Tab', 12)).toEqual([]);
  expect(await focusWalk(page, drawer, 'Shift+Tab', 12)).toEqual([]);

  // Behind the drawer: inert, so focus cannot reach it even when asked directly.
  const message = page.getByRole('textbox', { name: 'Message' });
  expect(await message.evaluate((element) => element.closest('[inert]') !== null)).toBe(true);
  expect(await page.locator('header').evaluate((element) => element.closest('[inert]') !== null)).toBe(true);
  await message.evaluate((element: HTMLElement) => element.focus());
  await expect(message).not.toBeFocused();
  const settings = page.getByRole('button', { name: 'Settings' });
  await settings.evaluate((element: HTMLElement) => element.focus());
  await expect(settings).not.toBeFocused();

  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(toggle).toBeFocused();
  expect(await message.evaluate((element) => element.closest('[inert]') !== null)).toBe(false);

  // The drawer's own Close button, reached by keyboard, does the same.
  await page.keyboard.press('Enter');
  await expect(drawer).toBeVisible();
  await tabTo(page, drawer.getByRole('button', { name: 'Close conversations' }));
  await page.keyboard.press('Enter');
  await expect(drawer).toBeHidden();
  await expect(toggle).toBeFocused();
});

test('wide screen: the sidebar is not a drawer, and nothing is made inert', async ({ page }) => {
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto('/');
  await expect(page.getByRole('complementary', { name: 'Conversation history' })).toBeVisible();
  await expect(page.locator('[inert]')).toHaveCount(0);
});

test('the settings dialog keeps focus inside while open, and Escape returns focus to Settings', async ({ page }) => {
  await page.goto('/');
  const opener = page.getByRole('button', { name: 'Settings' });
  await tabTo(page, opener);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Conversation settings' });
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  expect(await focusWalk(page, dialog, 'Tab', 40)).toEqual([]);
  expect(await focusWalk(page, dialog, 'Shift+Tab', 40)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  // Its Done button returns focus the same way.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: 'Done' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('the stream inspector keeps focus inside while open, and Escape returns focus to its button', async ({ page }) => {
  await page.goto('/');
  await send(page, '/sim fast');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  const opener = lastAssistant(page).getByRole('button', { name: 'Inspect stream' });
  await tabTo(page, opener, 120);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Stream inspector' });
  await expect(dialog).toBeVisible();
  expect(await focusWalk(page, dialog, 'Tab', 30)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});
