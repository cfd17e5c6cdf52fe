import { expect, test, type Page } from '@playwright/test';
import { lastAssistant, send } from './support';

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('dialog', { name: 'Conversation settings' });
}

test('429/529 retry automatically with a countdown that Cancel stops, without duplicating the message', async ({ page }) => {
  await page.goto('/');
  let requests = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/api/v1/messages')) requests += 1;
  });
  await send(page, '/sim error 529');
  const countdown = page.getByTestId('retry-countdown');
  await expect(countdown).toContainText(/Retrying in \d+ s \(attempt 1 of 3\)/);
  await expect(countdown).toContainText('attempt 2 of 3', { timeout: 10_000 });
  await countdown.getByRole('button', { name: 'Cancel' }).click();
  await expect(countdown).toHaveCount(0);
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'error');
  await expect(lastAssistant(page).getByRole('alert')).toContainText(/overloaded/i);
  expect(requests).toBe(2);
  await expect(page.locator('article[data-role="user"]')).toHaveCount(1);
  await expect(page.locator('article[data-role="assistant"]')).toHaveCount(1);
});

test('a mid-stream error keeps the text and Continue resumes it, joined to the partial answer', async ({ page }) => {
  await page.goto('/');
  await send(page, '/sim midstream-error');
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'error');
  const partial = (await answer.locator('[data-block="text"]').allTextContents()).join('');
  expect(partial.length).toBeGreaterThan(10);
  await expect(answer.getByRole('button', { name: 'Retry' })).toBeVisible();
  const continued = page.waitForRequest((r) => r.url().endsWith('/api/v1/messages'));
  await answer.getByRole('button', { name: 'Continue' }).click();
  const body = (await continued).postDataJSON() as { model: string; messages: Array<{ role: string; content: unknown }> };
  // The default model is Claude 4.6 or later: no prefill, a user message carrying the partial text.
  const last = body.messages.at(-1);
  expect(last?.role).toBe('user');
  expect(JSON.stringify(last?.content)).toContain(partial.slice(0, 40).replace(/"/g, '\\"'));
  await expect(page.locator('article[data-role="assistant"]')).toHaveCount(1);
  await expect(answer).toHaveAttribute('data-status', 'complete');
  await expect(answer.locator('[data-continuation] [data-block="text"]').first()).not.toBeEmpty();
  expect((await answer.locator('[data-block="text"]').first().textContent()) ?? '').toBe(partial);
});

test('a dropped connection is marked interrupted with its text kept, and Retry sends the same request', async ({ page }) => {
  await page.goto('/');
  await send(page, '/sim drop');
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'interrupted');
  await expect(answer.getByRole('alert')).toBeVisible();
  const retried = page.waitForRequest((r) => r.url().endsWith('/api/v1/messages'));
  await answer.getByRole('button', { name: 'Retry' }).click();
  const body = (await retried).postDataJSON() as { messages: unknown[] };
  expect(body.messages).toHaveLength(1);
  await expect(page.locator('article[data-role="user"]')).toHaveCount(1);
});

test('a stall longer than the configured timeout is given up, keeping what arrived', async ({ page }) => {
  await page.goto('/');
  const dialog = await openSettings(page);
  await dialog.getByLabel('Stall timeout (seconds)').fill('2');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await send(page, '/sim stall 6');
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'interrupted', { timeout: 10_000 });
  await expect(answer.getByRole('alert')).toContainText('No data arrived for 2 s');
});

test('a 404 names the model the request asked for, and a 403 says how to set a key', async ({ page }) => {
  await page.goto('/');
  const response = await send(page, '/sim error 404');
  const { model } = response.request().postDataJSON() as { model: string };
  await expect(lastAssistant(page).getByRole('alert')).toContainText(`The model "${model}" was not found (HTTP 404)`);
  await page.getByRole('button', { name: 'New chat' }).click();
  await send(page, '/sim error 403');
  await expect(lastAssistant(page).getByRole('alert')).toContainText('Set ANTHROPIC_API_KEY');
});
