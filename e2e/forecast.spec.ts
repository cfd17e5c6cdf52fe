// Issue 20: the forecast before sending, the context meter, the cache
// countdown, cache invalidation notes, the rate-limit indicator and the usage
// panel's prompt and estimate figures, in Chromium against the simulator.
import { expect, test, type Page, type Response } from '@playwright/test';
import { asCount, composer, expectTokenRows, lastAssistant, send, usageFromSse, usageValue, type SseUsage } from './support';

const forecast = (page: Page) => page.getByTestId('forecast');
const meter = (page: Page) => page.getByRole('meter', { name: 'Context window' });

const isCount = (r: Response) => r.url().endsWith('/api/v1/messages/count_tokens') && r.request().method() === 'POST';
const isMessages = (r: Response) => r.url().endsWith('/api/v1/messages') && r.request().method() === 'POST';

/** Types a message and waits for the forecast of it: the count_tokens request and its answer, and the forecast shown. */
async function typeAndForecast(page: Page, text: string): Promise<{ body: Record<string, unknown>; inputTokens: number }> {
  const counted = page.waitForResponse(isCount);
  await composer(page).fill(text);
  const response = await counted;
  const inputTokens = ((await response.json()) as { input_tokens: number }).input_tokens;
  await expect(forecast(page)).toHaveAttribute('data-state', 'ready');
  await expect(forecast(page)).toHaveAttribute('data-input-tokens', String(inputTokens));
  return { body: response.request().postDataJSON() as Record<string, unknown>, inputTokens };
}

async function sendTyped(page: Page): Promise<Response> {
  const response = page.waitForResponse(isMessages);
  await composer(page).press('Enter');
  return response;
}

/** What the model read: input + cache write + cache read, as the request's usage ended (server tools add input as they run). */
const promptOf = (u: SseUsage) => Number(u.final.input_tokens) + Number(u.final.cache_creation_input_tokens ?? 0) + Number(u.final.cache_read_input_tokens ?? 0);

/** Every Messages response from now on (a normal answer may call a tool, so a turn can take several requests). */
function collectResponses(page: Page): () => Promise<SseUsage> {
  const responses: Response[] = [];
  page.on('response', (r) => {
    if (isMessages(r)) responses.push(r);
  });
  return async () => {
    await expect.poll(() => responses.length).toBeGreaterThan(0);
    return usageFromSse(await (responses.at(-1) as Response).text());
  };
}

test('the forecast counts the exact request Send then makes, the sent prompt equals it, and the context meter follows', async ({ page }) => {
  await page.goto('/');
  const first = await typeAndForecast(page, 'Tell me about prompt caching.');
  await expect(forecast(page)).toContainText(`${asCount(first.inputTokens)} input tokens`);
  // While composing, the meter shows the forecast against the model's window (the models list: 1,000,000).
  await expect(meter(page)).toHaveAttribute('aria-valuenow', String(first.inputTokens));
  await expect(meter(page)).toHaveAttribute('aria-valuemax', '1000000');
  await expect(meter(page)).toHaveAttribute('data-source', 'forecast');

  const response = await sendTyped(page);
  const sent = response.request().postDataJSON() as Record<string, unknown>;
  // count_tokens got the same request, less the fields that endpoint refuses.
  const { max_tokens: maxTokens, stream, ...counted } = sent;
  expect(stream).toBe(true);
  expect(maxTokens).toBe(128_000);
  expect(first.body).toEqual(counted);
  const usage = usageFromSse(await response.text());
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  expect(promptOf(usage)).toBe(first.inputTokens);
  expect(await usageValue(page, 'Prompt tokens')).toBe(asCount(first.inputTokens));
  expect(await usageValue(page, 'Cache hit')).toBe('0%');
  // After the answer: the last request's prompt plus its output.
  const output = Number(usage.final.output_tokens);
  await expect(meter(page)).toHaveAttribute('aria-valuenow', String(first.inputTokens + output));
  await expect(meter(page)).toHaveAttribute('data-source', 'last request');
  await meter(page).focus();
  const split = page.getByTestId('context-breakdown');
  for (const part of ['System prompt', 'Tools', 'Conversation history', 'Attachments', 'Thinking']) await expect(split).toContainText(part);

  // The second message: the first prompt is expected from the cache, and is what the API then reads from it.
  const second = await typeAndForecast(page, 'And how long does it last?');
  await expect(forecast(page)).toHaveAttribute('data-cached-tokens', String(first.inputTokens));
  const again = usageFromSse(await (await sendTyped(page)).text());
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  expect(promptOf(again)).toBe(second.inputTokens);
  expect(again.start.cache_read_input_tokens).toBe(first.inputTokens);
  expect(await usageValue(page, 'Prompt tokens')).toBe(asCount(second.inputTokens));
  expect(await usageValue(page, 'Cache hit')).toBe(`${Math.round((first.inputTokens / second.inputTokens) * 100)}%`);
});

test('the cache countdown runs from 5 minutes, and once expired says what the next message writes again', async ({ page }) => {
  await page.clock.install();
  await page.goto('/');
  const lastUsage = collectResponses(page);
  await send(page, 'Cache this, please.');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  const usage = await lastUsage();
  const ttl = page.getByTestId('cache-ttl');
  await expect(ttl).toHaveAttribute('data-state', 'warm');
  await expect(ttl).toContainText(/Cache warm for 4:[45]\d|5:00/);
  await page.clock.fastForward('02:00');
  await expect(ttl).toContainText(/Cache warm for 2:[45]\d|3:00/);
  await page.clock.fastForward('03:01');
  await expect(ttl).toHaveAttribute('data-state', 'expired');
  const tokens = promptOf(usage) + Number(usage.final.output_tokens);
  await expect(ttl).toContainText(`the next message writes ${asCount(tokens)} tokens to the cache again`);
  await expect(ttl).toContainText(/\(\$0\.\d+\)/);
});

test('changing the system prompt after a cached turn says how many cached tokens it throws away, where it is changed', async ({ page }) => {
  await page.goto('/');
  const lastUsage = collectResponses(page);
  await send(page, 'Remember this conversation.');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  const cached = promptOf(await lastUsage());
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Conversation settings' });
  const note = dialog.getByTestId('cache-loss');
  await expect(note).toHaveAttribute('data-state', 'warm');
  await expect(note).toContainText(`${asCount(cached)} tokens of this conversation are cached`);
  await dialog.getByLabel('System prompt').fill('You are terse.');
  await expect(note).toHaveAttribute('data-state', 'invalidated');
  await expect(note).toHaveAttribute('data-tokens', String(cached));
  await expect(note).toContainText(`throws away the ${asCount(cached)} cached tokens`);
  await expect(note).toContainText(/adding about \$0\.\d+ to the next message/);
  // Undoing the change keeps the cache.
  await dialog.getByLabel('System prompt').fill('');
  await expect(note).toHaveAttribute('data-state', 'warm');
});

test('the rate-limit indicator shows the simulator\'s headers, and /sim limits 3 turns it red', async ({ page }) => {
  await page.goto('/');
  const indicator = page.getByTestId('rate-limits');
  const check = async (response: Response) => {
    const headers = response.headers();
    for (const key of ['requests', 'input-tokens', 'output-tokens']) {
      const item = indicator.locator(`[data-limit="${key}"]`);
      await expect(item).toHaveAttribute('data-remaining', headers[`anthropic-ratelimit-${key}-remaining`] ?? 'missing');
      await expect(item).toHaveAttribute('data-max', headers[`anthropic-ratelimit-${key}-limit`] ?? 'missing');
    }
  };
  const plain = await send(page, 'hello');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await check(plain);
  await expect(indicator).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('rate-limits-reset')).toContainText(/resets 0:[56]\d|1:00/);

  const low = await send(page, '/sim limits 3');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await check(low);
  expect(low.headers()['anthropic-ratelimit-requests-remaining']).toBe('120');
  await expect(indicator).toHaveAttribute('data-state', 'red');
  await expect(indicator.locator('[data-limit="requests"]')).toHaveAttribute('data-level', 'red');
  await expect(indicator.locator('[data-limit="requests"]')).toContainText('120/4,000');

  const amber = await send(page, '/sim limits 10');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await check(amber);
  await expect(indicator).toHaveAttribute('data-state', 'amber');
});

test('a 429 reads as the organisation\'s limit with its retry countdown, a 529 as Claude overloaded', async ({ page }) => {
  await page.goto('/');
  const indicator = page.getByTestId('rate-limits');
  // retry-after: 30 s; the automatic retry waits for it, up to its own cap (15 s).
  await send(page, '/sim error 429 30');
  await expect(indicator).toHaveAttribute('data-state', 'rate-limited');
  await expect(indicator).toContainText(/your organisation's limit\) · retry in 0:[0-5]\d/);
  await page.getByTestId('retry-countdown').getByRole('button', { name: 'Cancel' }).click();
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'error');
  await send(page, '/sim error 529');
  await expect(indicator).toHaveAttribute('data-state', 'overloaded');
  await expect(indicator).toContainText('Claude is overloaded (not your limit)');
  await page.getByTestId('retry-countdown').getByRole('button', { name: 'Cancel' }).click();
});

test('after a mid-stream error, output tokens, their rate and the cost are marked as estimates, with the reason', async ({ page }) => {
  await page.goto('/');
  const usage = usageFromSse(await (await send(page, '/sim midstream-error')).text());
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'error');
  // The stream carried only message_start's 1 output token.
  expect(usage.final.output_tokens).toBe(1);
  const output = await usageValue(page, 'Output tokens');
  expect(output).toMatch(/^~\d/);
  expect(Number(output.slice(1).replace(/,/g, ''))).toBeGreaterThan(5);
  expect(await usageValue(page, 'Output tokens/s')).toMatch(/^~\d/);
  expect(await usageValue(page, 'Cost')).toMatch(/^~\$/);
  await expect(lastAssistant(page).getByTestId('usage-estimate-note')).toContainText('the API reports output tokens only at the end');
});

/** Every usage figure of the panel against the SSE usage of the answer's own request. */
async function expectPanelEquals(page: Page, usage: SseUsage) {
  await expectTokenRows(page, usage);
  expect(await usageValue(page, 'Prompt tokens')).toBe(asCount(promptOf(usage)));
}

test('the usage panel equals the SSE usage for the tool, thinking and search scenarios', async ({ page }) => {
  await page.goto('/');
  // Tool: the loop's last request is the last answer's.
  const responses: Response[] = [];
  page.on('response', (r) => {
    if (isMessages(r)) responses.push(r);
  });
  await send(page, '/sim tool');
  await expect(page.locator('article[data-role="assistant"]')).toHaveCount(2);
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expect.poll(() => responses.length).toBe(2);
  await expectPanelEquals(page, usageFromSse(await (responses[1] as Response).text()));

  const thinking = usageFromSse(await (await send(page, '/sim thinking')).text());
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expectPanelEquals(page, thinking);

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Conversation settings' });
  await dialog.getByRole('checkbox', { name: 'Web search', exact: true }).check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  const search = usageFromSse(await (await send(page, '/sim search')).text());
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expectPanelEquals(page, search);
  const requests = (search.final.server_tool_use as { web_search_requests?: number } | undefined)?.web_search_requests;
  expect(requests).toBeGreaterThan(0);
  expect(await usageValue(page, 'Web search requests')).toBe(asCount(requests));
});

test('the empty state\'s /sim long 20000 fast runs to its end with the default max tokens', async ({ page }) => {
  await page.goto('/');
  const usage = usageFromSse(await (await send(page, '/sim long 20000 fast')).text());
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  expect(usage.stopReason).toBe('end_turn');
  expect(await usageValue(page, 'Stop reason')).toBe('end_turn');
});

test('where count_tokens cannot answer, the forecast says so in place and sending still works', async ({ page }) => {
  await page.route('**/api/v1/messages/count_tokens', (route) =>
    route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: 'url sources are not supported by count_tokens' }, request_id: 'req_x' }) }),
  );
  await page.goto('/');
  await composer(page).fill('Read https://example.com for me');
  await expect(forecast(page)).toHaveAttribute('data-state', 'unavailable');
  await expect(forecast(page)).toContainText('url sources are not supported by count_tokens');
  await expect(forecast(page)).toContainText('Sending still works');
  await composer(page).press('Enter');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
});

test('before sending, the meter warns at 80% of the window and when the prompt crosses a long-context price boundary', async ({ page }) => {
  // A window as the models list reports it, and a count as count_tokens gives it: the warnings follow both.
  await page.route('**/api/v1/models?limit=100', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ data: [{ type: 'model', id: 'claude-sonnet-4-5', display_name: 'Claude Sonnet 4.5', created_at: '2025-09-29T00:00:00Z', max_input_tokens: 300_000, max_tokens: 64_000 }], has_more: false, first_id: 'claude-sonnet-4-5', last_id: 'claude-sonnet-4-5' }),
    }),
  );
  await page.route('**/api/v1/messages/count_tokens', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ input_tokens: 250_000 }) }));
  await page.goto('/');
  await composer(page).fill('A very long document would go here.');
  await expect(forecast(page)).toHaveAttribute('data-input-tokens', '250000');
  await expect(meter(page)).toHaveAttribute('aria-valuenow', '250000');
  await expect(meter(page)).toHaveAttribute('aria-valuemax', '300000');
  await expect(page.getByTestId('context-warning')).toContainText('83% full');
  await expect(page.getByTestId('long-context-warning')).toContainText('over 200,000 tokens');
  await expect(page.getByTestId('long-context-warning')).toContainText('$6.00 input, $22.50 output per million tokens');
  // With max tokens at the model's 64,000 maximum: the worst case is priced at the long-context output rate.
  await expect(forecast(page)).toContainText('if the answer runs to 64,000 tokens');
});

test('editing an earlier question says how many cached tokens sending the edit throws away', async ({ page }) => {
  await page.goto('/');
  const first = usageFromSse(await (await send(page, '/sim echo\nThe first question.')).text());
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  const second = usageFromSse(await (await send(page, '/sim echo\nThe second question.')).text());
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await page.locator('article[data-role="user"]').nth(1).getByRole('button', { name: 'Edit' }).click();
  const note = page.locator('article[data-role="user"]').nth(1).getByTestId('cache-loss');
  // What the second request cached, less the prefix the first one cached (still valid before the edited question).
  const lost = promptOf(second) - promptOf(first);
  await expect(note).toHaveAttribute('data-state', 'edit');
  await expect(note).toHaveAttribute('data-tokens', String(lost));
  await expect(note).toContainText(`throws away ${asCount(lost)} cached tokens`);
});
