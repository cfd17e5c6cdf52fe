import { expect, test } from '@playwright/test';
import { asCount, lastAssistant, send, usageFromSse, usageValue } from './support';

test('the usage panel equals the SSE usage on a cached second turn, with cost and ids', async ({ page }) => {
  await page.goto('/');
  const first = usageFromSse(await (await send(page, 'Tell me about caching.')).text());
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  expect(first.final.cache_creation_input_tokens).toBeGreaterThan(0);
  expect(await usageValue(page, 'Cache write tokens')).toBe(asCount(first.final.cache_creation_input_tokens));

  const response = await send(page, 'And again, please.');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  const body = await response.text();
  const second = usageFromSse(body);
  expect(second.final.cache_read_input_tokens).toBeGreaterThan(0);
  for (const [label, field] of [
    ['Input tokens', 'input_tokens'],
    ['Output tokens', 'output_tokens'],
    ['Cache write tokens', 'cache_creation_input_tokens'],
    ['Cache read tokens', 'cache_read_input_tokens'],
  ] as const) {
    expect(await usageValue(page, label)).toBe(asCount(second.final[field]));
  }
  const cacheCreation = second.start.cache_creation as { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  expect(await usageValue(page, 'Cache write 5m')).toBe(asCount(cacheCreation.ephemeral_5m_input_tokens));
  expect(await usageValue(page, 'Cache write 1h')).toBe(asCount(cacheCreation.ephemeral_1h_input_tokens));
  expect(await usageValue(page, 'Message id')).toBe(/"id":"(msg_[^"]+)"/.exec(body)?.[1]);
  expect(await usageValue(page, 'Request id')).toBe(response.headers()['request-id']);
  expect(await usageValue(page, 'Cost')).toMatch(/^\$\d+\.\d+$/);
  await expect(page.getByTestId('conversation-cost')).toContainText('$');
});

test('the stream inspector shows every event with its time, type and size, filterable, and a chart', async ({ page }) => {
  await page.goto('/');
  const body = await (await send(page, 'hello')).text();
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  const eventCount = body.split('\n').filter((line) => line.startsWith('event:')).length;
  await lastAssistant(page).getByRole('button', { name: 'Inspect stream' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stream inspector' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('stream-chart')).toBeVisible();
  await expect(dialog.locator('[data-ttft]')).toHaveCount(1);
  const list = dialog.getByTestId('event-list').locator('li');
  await expect(list).toHaveCount(Math.min(eventCount, 300));
  await expect(list.first()).toContainText('message_start');
  await expect(list.first()).toContainText(/\+\d+\.\d ms/);
  await expect(list.first()).toContainText(/\d+ B/);
  await dialog.getByLabel('Event type').selectOption('message_delta');
  await expect(list).toHaveCount(1);
  await list.first().locator('summary').click();
  await expect(list.first().locator('pre')).toContainText('"output_tokens"');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('an agent loop shows each request and the turn total', async ({ page }) => {
  await page.goto('/');
  await send(page, '/sim tool');
  await expect(page.locator('article[data-role="assistant"]')).toHaveCount(2);
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expect(lastAssistant(page).getByTestId('usage')).toContainText('Turn: 2 requests');
});
