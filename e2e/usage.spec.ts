import { expect, test } from '@playwright/test';
import { formatUsd } from '../src/usage/cost';
import { PRICE_TABLE, type ModelPrice } from '../src/usage/pricing-table';
import { asCount, expectTokenRows, lastAssistant, send, usageFromSse, usageValue, type SseUsage } from './support';

/**
 * The cost of one request in USD: the app's price table (src/usage/pricing-table.ts, per million tokens) applied to
 * the usage the stream carried. The arithmetic is written out here rather than calling the app's `costOf`, so a
 * mistake there shows: input, 5-minute and 1-hour cache writes (the split from `cache_creation`; without it every
 * write is a 5-minute one), cache reads and output, each at its own rate; a row's long-prompt rates apply to every
 * token once input + cache writes + cache reads exceed its threshold.
 */
function expectedCost(sse: SseUsage): number {
  const entry = PRICE_TABLE.find((row) => row.ids.includes(sse.model.replace(/-\d{8}$/, '')));
  expect(entry, `a price for ${sse.model}`).toBeDefined();
  if (entry === undefined) return NaN;
  const tokens = (field: string) => {
    const value = sse.final[field] ?? 0;
    expect(typeof value, field).toBe('number');
    return value as number;
  };
  const input = tokens('input_tokens');
  const cacheWrite = tokens('cache_creation_input_tokens');
  const cacheRead = tokens('cache_read_input_tokens');
  const output = tokens('output_tokens');
  const split = sse.final.cache_creation as { ephemeral_5m_input_tokens?: number; ephemeral_1h_input_tokens?: number } | undefined;
  const write5m = split === undefined ? cacheWrite : (split.ephemeral_5m_input_tokens ?? 0);
  const write1h = split?.ephemeral_1h_input_tokens ?? 0;
  const long = entry.longPrompt !== undefined && entry.longPromptThreshold !== undefined && input + cacheWrite + cacheRead > entry.longPromptThreshold;
  const rates: ModelPrice = long && entry.longPrompt !== undefined ? entry.longPrompt : entry;
  return (input * rates.input + write5m * rates.cacheWrite5m + write1h * rates.cacheWrite1h + cacheRead * rates.cacheRead + output * rates.output) / 1_000_000;
}

test('the usage panel equals the SSE usage on a cached second turn, with cost and ids', async ({ page }) => {
  await page.goto('/');
  const first = usageFromSse(await (await send(page, 'Tell me about caching.')).text());
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  expect(first.final.cache_creation_input_tokens).toBeGreaterThan(0);
  expect(await usageValue(page, 'Cache write tokens')).toBe(asCount(first.final.cache_creation_input_tokens));
  const firstCost = expectedCost(first);
  expect(firstCost).toBeGreaterThan(0);
  expect(await usageValue(page, 'Cost')).toBe(formatUsd(firstCost));

  const response = await send(page, 'And again, please.');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  const body = await response.text();
  const second = usageFromSse(body);
  expect(second.final.cache_read_input_tokens).toBeGreaterThan(0);
  await expectTokenRows(page, second);
  const cacheCreation = second.start.cache_creation as { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  expect(await usageValue(page, 'Cache write 5m')).toBe(asCount(cacheCreation.ephemeral_5m_input_tokens));
  expect(await usageValue(page, 'Cache write 1h')).toBe(asCount(cacheCreation.ephemeral_1h_input_tokens));
  expect(await usageValue(page, 'Message id')).toBe(/"id":"(msg_[^"]+)"/.exec(body)?.[1]);
  expect(await usageValue(page, 'Request id')).toBe(response.headers()['request-id']);
  // Cost: the price table applied to this request's SSE usage (cache reads and writes included), as the app formats it.
  const secondCost = expectedCost(second);
  expect(secondCost).toBeGreaterThan(0);
  expect(await usageValue(page, 'Cost')).toBe(formatUsd(secondCost));
  // The header's conversation total: both requests.
  await expect(page.getByTestId('conversation-cost')).toHaveText(`Conversation: ${formatUsd(firstCost + secondCost)}`);
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
