import { expect, test } from '@playwright/test';
import { composer, lastAssistant, send } from './support';

interface Exported {
  readonly conversation: Record<string, unknown>;
  readonly messages: ReadonlyArray<Record<string, unknown> & { readonly role: string; readonly id: string }>;
  readonly [key: string]: unknown;
}

/** The export, with its one question and answer copied into a linear chat of `pairs` exchanges. */
function lengthen(exported: Exported, pairs: number): Exported {
  const user = exported.messages.find((m) => m.role === 'user');
  const answer = exported.messages.find((m) => m.role === 'assistant');
  if (user === undefined || answer === undefined) throw new Error('the export has no question and answer');
  type Message = Record<string, unknown> & { role: string; id: string };
  const messages: Message[] = [];
  let parentId: string | null = null;
  for (let i = 0; i < pairs; i++) {
    const question: Message = { ...user, id: `long-user-${i}`, parentId, createdAt: 1_700_000_000_000 + i * 2000, text: `Question number ${i + 1}` };
    const reply: Message = { ...answer, id: `long-answer-${i}`, parentId: question.id, createdAt: 1_700_000_000_000 + i * 2000 + 1000 };
    messages.push(question, reply);
    parentId = reply.id;
  }
  return { ...exported, conversation: { ...exported.conversation, id: 'long-conversation', title: 'A long conversation', selection: {} }, messages };
}

test('export, import, and a long conversation that opens with its newest 20 messages and shows earlier ones on request', async ({ page }) => {
  await page.goto('/');
  await send(page, 'hello');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const exported = JSON.parse(await (await download).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  })) as Exported;
  expect(exported.messages.map((m) => m.role)).toEqual(['user', 'assistant']);

  const long = lengthen(exported, 50);
  await page.getByLabel('Import conversations from a JSON file').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(long)) });
  await expect(page.getByText('Imported 1 conversation')).toBeVisible();
  await page.locator('li[data-conversation-id="long-conversation"] button').first().click();

  // The newest 20 of 100 messages, ending with the last question and its answer.
  const articles = page.locator('[data-testid="transcript"] article[data-role]');
  await expect(articles).toHaveCount(20);
  await expect(page.locator('article[data-role="user"]').last()).toContainText('Question number 50');
  await expect(composer(page)).toBeEnabled();

  // Earlier messages by the button (a click that does not scroll, as a keyboard or screen reader would press it)…
  await page.getByRole('button', { name: 'Show 20 earlier messages (80 not shown)' }).evaluate((button: HTMLButtonElement) => button.click());
  await expect(articles).toHaveCount(40);
  // …and by scrolling up to the top, until none are left.
  await expect(async () => {
    await page.getByTestId('transcript').evaluate((box) => box.scrollTo({ top: 0 }));
    await expect(articles).toHaveCount(100, { timeout: 1000 });
  }).toPass();
  await expect(page.locator('article[data-role="user"]').first()).toContainText('Question number 1');
  await expect(page.getByRole('button', { name: /earlier messages/ })).toHaveCount(0);
});
