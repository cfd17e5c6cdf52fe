import { expect, test } from '@playwright/test';
import { lastAssistant, send } from './support';

/** What the in-page recorder saw of the first tool-input block: each distinct text, and whether the block was complete then. */
interface ToolInputRecord {
  readonly states: { readonly text: string; readonly complete: boolean }[];
  done: boolean;
}

test('tool scenario: input streams in partial states, the tool runs, its result card appears, the answer continues', async ({ page }) => {
  // Installed before the app loads: a MutationObserver that records each distinct text of the first tool-input block
  // (and whether its card was complete then) from the moment the block appears until the card is marked complete.
  // Mutation callbacks run after every DOM change, so no state is skipped between samples.
  await page.addInitScript(() => {
    const record: ToolInputRecord = { states: [], done: false };
    (window as unknown as { __toolInput: ToolInputRecord }).__toolInput = record;
    const observer = new MutationObserver(() => {
      const card = document.querySelector('[data-block="tool_use"]');
      const text = card?.querySelector('[data-testid="tool-input"]')?.textContent;
      if (card == null || text == null) return;
      const complete = card.getAttribute('data-complete') === 'true';
      const last = record.states.at(-1);
      if (last === undefined || last.text !== text || last.complete !== complete) record.states.push({ text, complete });
      if (complete) {
        record.done = true;
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.goto('/');
  // Paced (no `fast`): the simulator streams the tool input in deltas of 1 to 3 tokens, each token taking 3 tokens' time
  // (30 ms at the config's 100 tokens/s), so each delta gets its own frames. The arithmetic in the prompt becomes the
  // calculator's `expression`: long enough for several deltas inside the string (a bare `/sim tool` picks a short
  // expression that arrives in one delta, leaving a single partial state between `{}` and the final input).
  const response = await send(page, '/sim tool\nWhat is 12 + 34 + 56 + 78 + 90 - 11 * 3?');
  const firstAnswer = page.locator('article[data-role="assistant"]').first();
  const card = firstAnswer.locator('[data-block="tool_use"]');
  await expect(card).toContainText('calculator');
  await expect(card).toHaveAttribute('data-complete', 'true');
  await page.waitForFunction(() => (window as unknown as { __toolInput: ToolInputRecord }).__toolInput.done);
  const { states } = await page.evaluate(() => (window as unknown as { __toolInput: ToolInputRecord }).__toolInput);

  // The final input is the text shown once the card is complete, and it is the input the model sent.
  const final = states.find((s) => s.complete);
  expect(final, 'the tool-input block was never seen complete').toBeDefined();
  const finalInput = JSON.parse(final?.text ?? '{}') as { expression?: unknown };
  expect(typeof finalInput.expression).toBe('string');
  const sent = (await response.text())
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => JSON.parse(line.slice(5)) as { delta?: { type?: string; partial_json?: string } })
    .flatMap((event) => (event.delta?.type === 'input_json_delta' ? [event.delta.partial_json ?? ''] : []));
  expect(sent.length).toBeGreaterThanOrEqual(3);
  expect(finalInput).toEqual(JSON.parse(sent.join('')));
  await expect(card.getByTestId('tool-input')).toHaveText(final?.text ?? 'missing');
  // Partial states: what was shown before completion, other than the empty `{}` before any delta and other than the
  // final text itself (a partial parse can already equal it). At least 3 distinct ones.
  const finalIndex = states.findIndex((s) => s.complete);
  const partial = new Set(
    states
      .slice(0, finalIndex)
      .map((s) => s.text)
      .filter((text) => text.replace(/\s/g, '') !== '{}' && text !== final?.text),
  );
  expect(partial.size, `distinct partial tool-input states before the final one, of: ${JSON.stringify(states)}`).toBeGreaterThanOrEqual(3);

  const result = page.locator('[data-block="tool_result"]');
  await expect(result).toBeVisible();
  await expect(result).toHaveAttribute('data-is-error', 'false');
  const second = page.locator('article[data-role="assistant"]').nth(1);
  await expect(second).toHaveAttribute('data-status', 'complete');
  await expect(second.locator('[data-block="text"]').first()).toContainText((await result.locator('pre').textContent()) ?? 'missing');
  // Each request of the loop shows its own usage.
  await expect(page.getByTestId('usage')).toHaveCount(2);
  await expect(firstAnswer.getByTestId('usage')).toContainText('tool_use');
  await expect(second.getByTestId('usage')).toContainText('end_turn');
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
});

test('a user-defined tool: Claude calls it, the user types the result as an error, the turn continues', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Conversation settings' });
  await dialog.getByLabel('Your tools (JSON: one definition or an array)').fill(
    JSON.stringify({ name: 'get_weather', description: 'Weather for a city', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }),
  );
  await dialog.getByLabel('Tool choice').selectOption('tool:get_weather');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Done' }).click();

  await send(page, 'What is the weather in Paris?');
  const card = page.locator('[data-block="tool_result"]');
  await expect(card).toHaveAttribute('data-state', 'awaiting_input');
  await card.getByLabel('Result of get_weather').fill('The weather service is down.');
  await card.getByLabel('Report as an error').check();
  await card.getByRole('button', { name: 'Send result' }).click();
  await expect(card).toHaveAttribute('data-is-error', 'true');
  await expect(page.locator('article[data-role="assistant"]')).toHaveCount(2);
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
});

test('thinking scenario: thinking grows before the answer, then folds and can be reopened', async ({ page }) => {
  await page.goto('/');
  await send(page, '/sim thinking');
  const thinking = page.locator('[data-block="thinking"]');
  await expect(thinking).toBeVisible();
  const lengths = await thinking.evaluate(async (element) => {
    const seen: number[] = [];
    const article = element.closest('article');
    await new Promise<void>((resolve) => {
      const tick = () => {
        const length = element.textContent?.length ?? 0;
        if (length !== seen.at(-1)) seen.push(length);
        if (article?.querySelector('[data-block="text"]')) resolve();
        else requestAnimationFrame(tick);
      };
      tick();
    });
    return seen;
  });
  expect(lengths.length).toBeGreaterThanOrEqual(3);
  await expect(thinking).not.toHaveAttribute('open', '');
  await thinking.locator('summary').click();
  await expect(thinking).toHaveAttribute('open', '');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expect(thinking).toHaveAttribute('open', '');
});

test('search scenario: citation markers link to the right sources', async ({ page }) => {
  await page.goto('/');
  await send(page, '/sim search');
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'complete');
  const sources = await answer.locator('[data-block="web_search_tool_result"] li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(sources.length).toBeGreaterThan(0);
  const markers = answer.locator('a[data-citation]');
  expect(await markers.count()).toBeGreaterThan(0);
  for (const marker of await markers.all()) {
    const number = Number(await marker.getAttribute('data-citation'));
    expect(await marker.getAttribute('href')).toBe(sources[number - 1]);
  }
  await markers.first().focus();
  await expect(answer.getByRole('tooltip').first()).toBeVisible();
});

test('settings explain an invalid combination before sending', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Conversation settings' });
  await dialog.getByLabel('Model').selectOption('claude-opus-4-6');
  await dialog.getByLabel('Max tokens').fill('2000');
  await dialog.getByLabel('Thinking mode').selectOption('enabled');
  await dialog.getByLabel('Budget').fill('3000');
  await expect(dialog.getByRole('alert')).toContainText('must be below max tokens');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('alert')).toContainText("Can't send yet");
  await page.getByRole('textbox', { name: 'Message' }).fill('hello');
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
});
