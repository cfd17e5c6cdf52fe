// Paths of the agent loop and of stop reasons that the UI handles without anyone typing: checked
// against the exact request bodies the app sent and the exact streams the simulator answered.
import { expect, test, type Page } from '@playwright/test';
import { composer, lastAssistant, send } from './support';
import { contentFromSse, recordExchanges, type WireBlock } from './wire';

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('dialog', { name: 'Conversation settings' });
}

const assistants = (page: Page) => page.locator('article[data-role="assistant"]');

test('parallel tool calls: every result goes back in one user message, in call order, each tool_use_id matched; thinking comes back with its signature', async ({ page }) => {
  await page.goto('/');
  const dialog = await openSettings(page);
  await dialog.getByLabel('Thinking mode').selectOption({ index: 1 });
  await dialog.getByRole('button', { name: 'Done' }).click();
  const exchanges = recordExchanges(page);
  await send(page, '/sim parallel-tools\nWhat is 6 * 7, and what time is it in Europe/Paris?');
  await expect(assistants(page)).toHaveCount(2);
  await expect(assistants(page).nth(1)).toHaveAttribute('data-status', 'complete');
  const [first, second] = await exchanges.settled(2);

  const answer = contentFromSse(first?.sse ?? '');
  expect(answer.stopReason).toBe('tool_use');
  const calls = answer.content.filter((b) => b.type === 'tool_use');
  expect(calls.length).toBeGreaterThanOrEqual(2);
  const messages = second?.body.messages ?? [];
  // user question, the answer with its calls, then ONE user message with every result.
  expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  const results = messages[2]?.content as WireBlock[];
  expect(results.filter((b) => b.type === 'tool_result').map((b) => b.tool_use_id)).toEqual(calls.map((c) => c.id));
  expect(results.every((b) => b.type === 'tool_result')).toBe(true);
  // The answer goes back as it came: thinking with its signature, the calls with their ids and inputs.
  const sentBack = messages[1]?.content as WireBlock[];
  // Prompt caching marks the last block of the last message; that mark aside, each block is as it arrived.
  const strip = (b: WireBlock) => Object.fromEntries(Object.entries(b).filter(([k]) => k !== 'cache_control'));
  expect(sentBack.map(strip)).toEqual(answer.content);
  expect(sentBack.find((b) => b.type === 'thinking')?.signature).toEqual(expect.any(String));
  // On screen: one results article with a card per call, in call order.
  const cards = page.locator('article[data-role="tool_results"] [data-block="tool_result"]');
  await expect(cards).toHaveCount(calls.length);
  await expect(page.locator('article[data-role="tool_results"]')).toHaveAttribute('data-status', 'complete');
});

test('redacted_thinking and thinking signatures are sent back unchanged on the next request of a tool loop', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  const dialog = await openSettings(page);
  await dialog.getByLabel('Thinking mode').selectOption({ index: 1 });
  await dialog.getByRole('button', { name: 'Done' }).click();
  const exchanges = recordExchanges(page);
  // The simulator adds a redacted_thinking block to a seeded 15% of thinking turns, the seed being the
  // request's content: try questions until one carries it. Question 18 does with today's defaults; should
  // the defaults change (tools, system prompt), the others are tried in turn.
  const attempts = [18, ...Array.from({ length: 40 }, (_, i) => i + 1).filter((n) => n !== 18)];
  for (const [tried, attempt] of attempts.entries()) {
    if (tried > 0) await page.getByRole('button', { name: 'New chat' }).click();
    const before = exchanges.all.length;
    await send(page, `/sim tool fast\nWhat is ${attempt} + ${attempt * 7}?`);
    await expect(assistants(page)).toHaveCount(2);
    await expect(assistants(page).nth(1)).toHaveAttribute('data-status', 'complete');
    const [first, second] = (await exchanges.settled(before + 2)).slice(before);
    const answer = contentFromSse(first?.sse ?? '');
    const redacted = answer.content.filter((b) => b.type === 'redacted_thinking');
    if (redacted.length === 0) continue;
    test.info().annotations.push({ type: 'attempt', description: String(attempt) });
    const sentBack = (second?.body.messages[1]?.content ?? []) as WireBlock[];
    expect(sentBack.filter((b) => b.type === 'redacted_thinking')).toEqual(redacted.map((b) => ({ type: 'redacted_thinking', data: b.data })));
    const thinking = answer.content.filter((b) => b.type === 'thinking');
    expect(thinking.length).toBeGreaterThan(0);
    expect(sentBack.filter((b) => b.type === 'thinking')).toEqual(thinking.map((b) => ({ type: 'thinking', thinking: b.thinking, signature: b.signature })));
    // Same order as received.
    expect(sentBack.map((b) => b.type)).toEqual(answer.content.map((b) => b.type));
    return;
  }
  throw new Error('no attempt carried a redacted_thinking block');
});

test('pause_turn continues on its own, sending the paused content back, and the continuation is shown joined to the answer', async ({ page }) => {
  await page.goto('/');
  const exchanges = recordExchanges(page);
  await send(page, '/sim pause-turn\nlatest news about tide pools');
  const answer = lastAssistant(page);
  await expect(answer.locator('[data-continuation]')).toHaveCount(1);
  await expect(answer).toHaveAttribute('data-status', 'complete');
  await expect(assistants(page)).toHaveCount(1);
  const [first, second] = await exchanges.settled(2);
  const paused = contentFromSse(first?.sse ?? '');
  expect(paused.stopReason).toBe('pause_turn');
  const messages = second?.body.messages ?? [];
  expect(messages.map((m) => m.role)).toEqual(['user', 'assistant']);
  const sentBack = (messages[1]?.content ?? []) as WireBlock[];
  expect(sentBack.map((b) => b.type)).toEqual(paused.content.map((b) => b.type));
  expect(sentBack.find((b) => b.type === 'server_tool_use')).toMatchObject({ id: paused.content.find((b) => b.type === 'server_tool_use')?.id });
  expect(contentFromSse(second?.sse ?? '').stopReason).toBe('end_turn');
  // The continuation's text is in the same article, after the search; both requests show their usage.
  await expect(answer.locator('[data-continuation] [data-block="text"]').first()).not.toBeEmpty();
  await expect(answer.getByTestId('usage')).toHaveCount(2);
  await expect(answer.getByTestId('usage').first()).toContainText('pause_turn');
  await expect(answer.getByTestId('usage').last()).toContainText('end_turn');
  await expect(answer.getByRole('button', { name: 'Continue' })).toHaveCount(0);
});

test('refusal and max_tokens are explained, and Continue after max_tokens is joined with both requests in the usage', async ({ page }) => {
  await page.goto('/');
  await send(page, '/sim refusal');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expect(lastAssistant(page).locator('[data-stop-reason="refusal"]')).toHaveText('Claude declined to continue this answer.');

  await page.getByRole('button', { name: 'New chat' }).click();
  const dialog = await openSettings(page);
  await dialog.getByLabel('Max tokens').fill('60');
  // No tools: the simulator would otherwise answer the continuation by calling one.
  await dialog.getByLabel('Tool choice').selectOption('none');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await send(page, '/sim max-tokens fast');
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'complete');
  await expect(answer.locator('[data-stop-reason="max_tokens"]')).toHaveText(
    'The answer reached the max tokens limit and was cut off. Raise max tokens in Settings for longer answers.',
  );
  const partial = (await answer.locator('[data-block="text"]').allTextContents()).join('');
  const continued = page.waitForRequest((r) => r.url().endsWith('/api/v1/messages'));
  await answer.getByRole('button', { name: 'Continue' }).click();
  await continued;
  await expect(answer.locator('[data-continuation]')).toHaveCount(1);
  await expect(answer).toHaveAttribute('data-status', 'complete');
  await expect(assistants(page)).toHaveCount(1);
  await expect(answer.locator('[data-continuation] [data-block="text"]').first()).not.toBeEmpty();
  expect(((await answer.locator('[data-block="text"]').first().textContent()) ?? '').length).toBe(partial.length);
  const usage = answer.getByTestId('usage');
  await expect(usage).toHaveCount(2);
  await expect(usage.first()).toContainText('max_tokens');
  await expect(composer(page)).toBeEnabled();
});

test('"Copy answer" and a code block\'s Copy put the right text on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  const markdown = ['Some **bold** words and `code`.', '', '```js', 'const answer = 42;', 'console.log(answer);', '```', '', 'The end.'].join('\n');
  await send(page, `/sim echo\n${markdown}`);
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'complete');
  await answer.getByRole('button', { name: 'Copy code' }).click();
  await expect(answer.getByRole('button', { name: 'Copied' }).first()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('const answer = 42;\nconsole.log(answer);');
  await answer.getByRole('button', { name: 'Copy answer' }).click();
  await expect(answer.getByRole('button', { name: 'Copied' }).last()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(markdown);
});
