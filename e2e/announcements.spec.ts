// The polite live region: what a screen reader hears, recorded as every text the announcer takes.
import { expect, test, type Page } from '@playwright/test';
import { lastAssistant, send } from './support';

/** Records each text the announcer shows, from before the app loads. */
async function recordAnnouncements(page: Page) {
  await page.addInitScript(() => {
    const heard: string[] = [];
    (window as unknown as { __heard: string[] }).__heard = heard;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="announcer"]')?.textContent ?? '';
      if (text !== '' && text !== heard.at(-1)) heard.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
}

/** Every live region or alert that contains the element, itself included. */
const liveAncestors = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((element) => {
    const found: string[] = [];
    for (let node: Element | null = element; node !== null; node = node.parentElement) {
      const role = node.getAttribute('role');
      const live = node.getAttribute('aria-live');
      if (role === 'status' || role === 'alert' || role === 'log' || role === 'timer' || (live !== null && live !== 'off')) found.push(node.outerHTML.slice(0, 80));
    }
    return found;
  });

test('an error is announced in the live region with its message', async ({ page }) => {
  const heard = await recordAnnouncements(page);
  await page.goto('/');
  await send(page, '/sim error 400');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'error');
  const alert = (await lastAssistant(page).getByRole('alert').textContent()) ?? '';
  expect(alert).toContain('The API refused the request (HTTP 400)');
  await expect(page.getByTestId('announcer')).toHaveText(`Answer failed. ${alert}`);
  expect(await heard()).toEqual(['Claude is answering…', `Answer failed. ${alert}`]);
});

test('a retry is announced once when scheduled, and its countdown ticks without announcing each second', async ({ page }) => {
  const heard = await recordAnnouncements(page);
  await page.goto('/');
  await send(page, '/sim error 529');
  const countdown = page.getByTestId('retry-countdown');
  await expect(countdown).toContainText('attempt 1 of 3');
  expect(await liveAncestors(page, 'retry-countdown')).toEqual([]);
  // Watch the countdown tick at least once while the announcer stays put.
  const first = (await countdown.textContent()) ?? '';
  await expect(countdown).not.toHaveText(first, { timeout: 5_000 });
  await expect(countdown).toContainText('attempt 2 of 3', { timeout: 10_000 });
  await countdown.getByRole('button', { name: 'Cancel' }).click();
  await expect(countdown).toHaveCount(0);
  const texts = await heard();
  const retries = texts.filter((t) => t.startsWith('Retrying'));
  expect(retries, JSON.stringify(texts)).toHaveLength(2);
  expect(retries[0]).toMatch(/^Retrying in \d+ s \(attempt 1 of 3\)\.$/);
  expect(retries[1]).toMatch(/^Retrying in \d+ s \(attempt 2 of 3\)\.$/);
  // Each failed attempt is announced with its error before its retry.
  expect(texts.filter((t) => t.startsWith('Answer failed. Claude is overloaded right now (HTTP 529)'))).toHaveLength(2);
});
