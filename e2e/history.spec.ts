import { expect, test, type Page } from '@playwright/test';
import { composer, lastAssistant, send } from './support';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Conversation history' });

async function ask(page: Page, text: string) {
  await send(page, text);
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
}

test('edit a question and resend: both branches can be switched with the arrows, and survive a reload', async ({ page }) => {
  await page.goto('/');
  await ask(page, 'first version of the question');
  const firstAnswer = (await lastAssistant(page).locator('[data-block="text"]').allTextContents()).join('');
  const question = page.locator('article[data-role="user"]');
  await question.getByRole('button', { name: 'Edit' }).click();
  await question.getByRole('textbox', { name: 'Edit your question' }).fill('second version of the question');
  await question.getByRole('button', { name: 'Save and submit' }).click();
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expect(question).toContainText('second version');
  await expect(question.getByTestId('branch-position')).toHaveText('2 / 2');
  const secondAnswer = (await lastAssistant(page).locator('[data-block="text"]').allTextContents()).join('');

  await question.getByRole('button', { name: 'Previous version' }).click();
  await expect(question).toContainText('first version');
  await expect(question.getByTestId('branch-position')).toHaveText('1 / 2');
  expect((await lastAssistant(page).locator('[data-block="text"]').allTextContents()).join('')).toBe(firstAnswer);

  await page.reload();
  await expect(question).toContainText('first version');
  await question.getByRole('button', { name: 'Next version' }).click();
  await expect(question).toContainText('second version');
  expect((await lastAssistant(page).locator('[data-block="text"]').allTextContents()).join('')).toBe(secondAnswer);
  await expect(page.locator('article[data-role="assistant"]')).toHaveCount(1);
});

test('Regenerate keeps the earlier answer as another version', async ({ page }) => {
  await page.goto('/');
  await ask(page, 'hello regenerate');
  await lastAssistant(page).getByRole('button', { name: 'Regenerate' }).click();
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expect(lastAssistant(page).getByTestId('branch-position')).toHaveText('2 / 2');
  await lastAssistant(page).getByRole('button', { name: 'Previous version' }).click();
  await expect(lastAssistant(page).getByTestId('branch-position')).toHaveText('1 / 2');
});

test('ArrowUp in the empty composer edits the last question', async ({ page }) => {
  await page.goto('/');
  await ask(page, 'hello arrow');
  await composer(page).focus();
  await composer(page).press('ArrowUp');
  await expect(page.getByRole('textbox', { name: 'Edit your question' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Edit your question' }).press('Escape');
  await expect(page.getByRole('textbox', { name: 'Edit your question' })).toHaveCount(0);
});

test('new chat, delete with Undo, and delete for good', async ({ page }) => {
  await page.goto('/');
  await ask(page, 'hello alpha');
  await page.keyboard.press('Control+Shift+O');
  await expect(page.locator('article')).toHaveCount(0);
  await ask(page, 'hello beta');
  const list = sidebar(page).getByTestId('conversation-list');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('hello beta');
  await expect(list.getByRole('button', { name: 'hello beta', exact: true })).toHaveAttribute('aria-current', 'true');

  await list.getByRole('button', { name: 'Delete hello alpha' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);

  await list.getByRole('button', { name: 'Delete hello alpha' }).click();
  await expect(page.getByTestId('undo-toast')).toBeVisible();
  await expect(page.getByTestId('undo-toast')).toHaveCount(0, { timeout: 10_000 });
  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('hello beta');
});

test('rename a conversation inline', async ({ page }) => {
  await page.goto('/');
  await ask(page, 'hello rename');
  await sidebar(page).getByRole('button', { name: 'Rename hello rename' }).click();
  const input = sidebar(page).getByRole('textbox', { name: 'Conversation title' });
  await input.fill('My renamed chat');
  await input.press('Enter');
  await page.reload();
  await expect(sidebar(page).getByRole('button', { name: 'My renamed chat', exact: true })).toBeVisible();
});

test('search finds a conversation by a word in an answer', async ({ page }) => {
  await page.goto('/');
  await ask(page, '/sim tool');
  await expect(page.locator('article[data-role="assistant"]').nth(1)).toHaveAttribute('data-status', 'complete');
  const toolAnswer = (await page.locator('article[data-role="assistant"] [data-block="text"]').allTextContents()).join(' ');
  await page.getByRole('button', { name: 'New chat' }).click();
  await ask(page, 'hello other');
  const otherAnswer = (await lastAssistant(page).locator('[data-block="text"]').allTextContents()).join(' ').toLowerCase();
  const word = toolAnswer.match(/[A-Za-z]{5,}/g)?.find((w) => !otherAnswer.includes(w.toLowerCase()) && !'hello other sim tool'.includes(w.toLowerCase()));
  expect(word).toBeDefined();
  await sidebar(page).getByRole('searchbox', { name: 'Search conversations' }).fill(word ?? '');
  const list = sidebar(page).getByTestId('conversation-list');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('/sim tool');
});

test('on a narrow screen the sidebar is a drawer: Escape closes it and focus returns to its button', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 800 });
  await page.goto('/');
  await expect(sidebar(page)).toBeHidden();
  const toggle = page.getByRole('button', { name: 'Conversations' });
  await toggle.click();
  await expect(sidebar(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sidebar(page)).toBeHidden();
  await expect(toggle).toBeFocused();
});

test('Escape stops the answer being streamed', async ({ page }) => {
  await page.goto('/');
  await send(page, '/sim long 3000');
  await expect(lastAssistant(page).locator('[data-block="text"]').first()).toHaveText(/\S{10,}/);
  await page.keyboard.press('Escape');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'stopped');
});
