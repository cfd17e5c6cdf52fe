import { expect, test, type Page } from '@playwright/test';
import { composer, lastAssistant, send } from './support';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Conversation history' });

test('a conversation survives a reload, and is listed in the sidebar', async ({ page }) => {
  await page.goto('/');
  await send(page, 'hello persistence');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  const answer = (await lastAssistant(page).locator('[data-block="text"]').allTextContents()).join('');
  await page.reload();
  await expect(page.locator('article[data-role="user"]')).toHaveText(/hello persistence/);
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  expect((await lastAssistant(page).locator('[data-block="text"]').allTextContents()).join('')).toBe(answer);
  await expect(sidebar(page).getByRole('button', { name: 'hello persistence', exact: true })).toHaveAttribute('aria-current', 'true');
});

// A reload normally attaches to the proxy's kept stream again (resume.spec.ts); here the proxy no longer
// has it (stopped from outside, as an expired or evicted stream would be).
test('an answer the proxy no longer has keeps its partial text across a reload, marked interrupted, and Continue completes it', async ({ page }) => {
  await page.goto('/');
  const response = await send(page, '/sim long 3000');
  const answer = lastAssistant(page);
  await expect(answer.locator('[data-block="text"]').first()).toHaveText(/.{60,}/s);
  expect((await page.request.delete(`/api/streams/${response.headers()['x-stream-id'] ?? ''}`)).status()).toBe(204);
  await expect(answer).toHaveAttribute('data-status', 'interrupted');
  const seen = (await answer.locator('[data-block="text"]').allTextContents()).join('');
  await page.reload();
  const restored = lastAssistant(page);
  await expect(restored).toHaveAttribute('data-status', 'interrupted');
  const kept = (await restored.locator('[data-block="text"]').allTextContents()).join('');
  expect(kept.length).toBeGreaterThan(20);
  expect(seen.startsWith(kept.slice(0, 20))).toBe(true);
  await expect(restored.getByRole('button', { name: 'Retry' })).toBeVisible();
  await restored.getByRole('button', { name: 'Continue' }).click();
  await expect(restored).toHaveAttribute('data-status', 'complete', { timeout: 45_000 });
  await expect(restored.locator('[data-continuation] [data-block="text"]').first()).not.toBeEmpty();
});

test('storage that cannot be opened: a clear message, and chatting still works in memory', async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
      throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
    };
  });
  await page.goto('/');
  const problem = page.getByTestId('storage-problem');
  await expect(problem).toContainText('will not let the app store conversations');
  await send(page, 'hello in memory');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await problem.getByRole('button', { name: 'Dismiss' }).click();
  await expect(problem).toHaveCount(0);
  await expect(composer(page)).toBeEditable();
});

test('storage full: the message shows, and what was saved before is not damaged', async ({ page, context }) => {
  await page.goto('/');
  await send(page, 'hello saved before');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  const saved = (await lastAssistant(page).locator('[data-block="text"]').allTextContents()).join('');
  await page.close();

  const full = await context.newPage();
  await full.addInitScript(() => {
    const quota = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = quota;
    IDBObjectStore.prototype.add = quota;
  });
  await full.goto('/');
  await expect(lastAssistant(full)).toHaveAttribute('data-status', 'complete');
  await send(full, 'this one cannot be saved');
  await expect(full.getByTestId('storage-problem')).toHaveAttribute('data-kind', 'full');
  await expect(full.getByTestId('storage-problem')).toContainText('Everything saved before is safe');
  await expect(lastAssistant(full)).toHaveAttribute('data-status', 'complete');
  await full.close();

  const after = await context.newPage();
  await after.goto('/');
  await expect(after.locator('article[data-role="user"]')).toHaveCount(1);
  await expect(after.locator('article[data-role="user"]')).toHaveText(/hello saved before/);
  expect((await lastAssistant(after).locator('[data-block="text"]').allTextContents()).join('')).toBe(saved);
});
