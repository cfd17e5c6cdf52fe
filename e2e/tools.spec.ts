import { expect, test } from '@playwright/test';
import { lastAssistant, send } from './support';

test('tool scenario: input streams in partial states, the tool runs, its result card appears, the answer continues', async ({ page }) => {
  await page.goto('/');
  // Record every DOM update of the tool input from before the request until the block completes.
  const sampling = page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        const observer = new MutationObserver(() => {
          const card = document.querySelector('[data-block="tool_use"]');
          const text = card?.querySelector('[data-testid="tool-input"]')?.textContent ?? null;
          if (text !== null && text !== seen.at(-1)) seen.push(text);
          if (card?.getAttribute('data-complete') === 'true') {
            observer.disconnect();
            resolve(seen);
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      }),
  );
  await send(page, '/sim tool');
  const firstAnswer = page.locator('article[data-role="assistant"]').first();
  const card = firstAnswer.locator('[data-block="tool_use"]');
  await expect(card).toContainText('calculator');
  const states = await sampling;
  expect(new Set(states).size).toBeGreaterThanOrEqual(3);
  const finalInput = JSON.parse(states.at(-1) ?? '{}') as { expression?: string };
  expect(typeof finalInput.expression).toBe('string');

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
