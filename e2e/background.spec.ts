// Several answers at once: an answer streams on while another conversation
// is open, a second tab follows a stream live, and a conversation deleted in
// another tab during a turn stays deleted.
import { expect, test, type Page } from '@playwright/test';
import { lastAssistant, send } from './support';

const LONG = '/sim long 1200 150tps';
const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Conversation history' });
const answerText = (page: Page) => lastAssistant(page).locator('[data-block="text"]').allInnerTexts();

async function uninterrupted(page: Page, prompt: string): Promise<string[]> {
  await page.getByRole('button', { name: 'New chat' }).click();
  await send(page, prompt);
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  return answerText(page);
}

test('two conversations stream at once; Stop stops only its own answer; the first completes whole', async ({ page }) => {
  await page.goto('/');
  const deletes: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'DELETE') deletes.push(r.url());
  });
  await send(page, `${LONG}\nfirst`);
  await expect(lastAssistant(page).locator('[data-block="text"]')).toContainText(/\w+ \w+ \w+/);
  await page.getByRole('button', { name: 'New chat' }).click();
  await send(page, '/sim long 3000 100tps\nsecond');
  await expect(lastAssistant(page).locator('[data-block="text"]')).toContainText(/\w+ \w+/);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'stopped');
  expect(deletes).toHaveLength(1);

  await sidebar(page).getByRole('button', { name: LONG, exact: true }).click();
  await expect(lastAssistant(page)).toHaveAttribute('data-status', /streaming|complete/);
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  expect(deletes).toHaveLength(1);
  expect(await answerText(page)).toEqual(await uninterrupted(page, `${LONG}\nfirst`));
});

test('a second tab that opens a conversation while it streams follows the same stream live', async ({ page, context }) => {
  await page.goto('/');
  await send(page, LONG);
  await expect(lastAssistant(page).locator('[data-block="text"]')).toContainText(/\w+ \w+ \w+/);
  const second = await context.newPage();
  const gets: string[] = [];
  second.on('request', (r) => {
    if (r.url().includes('/api/')) gets.push(`${r.method()} ${new URL(r.url()).pathname.replace(/streams\/.*/, 'streams/{id}')}`);
  });
  await second.goto('/');
  await expect(lastAssistant(second)).toHaveAttribute('data-status', 'streaming');
  const early = (await answerText(second)).join('').length;
  await expect.poll(async () => (await answerText(second)).join('').length).toBeGreaterThan(early);
  await expect(lastAssistant(second)).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  expect(await answerText(second)).toEqual(await answerText(page));
  expect(gets.filter((g) => g.startsWith('POST /api/v1/messages'))).toEqual([]);
  expect(gets).toContain('GET /api/streams/{id}');
});

test('a conversation deleted in another tab during a turn stays deleted, its answer stopped', async ({ page, context }) => {
  await page.goto('/');
  await send(page, '/sim long 4000 100tps\ndoomed');
  await expect(lastAssistant(page).locator('[data-block="text"]')).toContainText(/\w+ \w+ \w+/);
  const other = await context.newPage();
  await other.goto('/');
  await expect(sidebar(other).getByRole('listitem')).toHaveCount(1);
  await sidebar(other).getByRole('button', { name: /^Delete / }).click();
  await expect(other.getByTestId('undo-toast')).toHaveCount(0, { timeout: 15_000 });
  // The first tab stops its answer and moves to a new conversation; nothing brings the old one back.
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0, { timeout: 15_000 });
  const doomed = (p: Page) => sidebar(p).getByRole('button', { name: '/sim long 4000 100tps', exact: true });
  await expect(doomed(page)).toHaveCount(0);
  await page.reload();
  await expect(page.locator('article')).toHaveCount(0);
  await expect(doomed(page)).toHaveCount(0);
});
