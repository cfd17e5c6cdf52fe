// Answers that outlive the page: a reload attaches again to the proxy's kept
// stream, and a cut connection resumes after the last event seen; either way
// the answer equals an uninterrupted run, from one upstream request.
import { expect, test, type Page, type Request } from '@playwright/test';
import { lastAssistant, send } from './support';

const PROMPT = '/sim long 3000 300tps';

const answerText = (page: Page) => lastAssistant(page).locator('[data-block="text"]').allInnerTexts();

/** Every Messages POST and kept-stream GET the page makes, the stream worker's included. */
function watchRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => {
    if (/\/api\/(v1\/messages|streams\/)/.test(r.url())) seen.push(r);
  });
  return seen;
}

async function uninterrupted(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'New chat' }).click();
  await send(page, PROMPT);
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  return answerText(page);
}

/** The last event id saved with the streaming answer in IndexedDB (the partial answer is saved about once a second). */
function savedResumePoint(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const open = indexedDB.open('claude-stream-chat');
        open.onsuccess = () => {
          const all = open.result.transaction('messages').objectStore('messages').getAll();
          all.onsuccess = () => {
            const records = all.result as Array<{ message: { role: string; stream?: { status: string }; resume?: { lastEventId: string | null } } }>;
            const streaming = records.find((r) => r.message.role === 'assistant' && r.message.stream?.status === 'streaming');
            open.result.close();
            resolve(streaming?.message.resume?.lastEventId ?? null);
          };
        };
        open.onerror = () => resolve(null);
      }),
  );
}

interface SavedRecord {
  readonly sentAt: number;
  readonly body: string;
  readonly times: number[];
  readonly request: unknown;
}

/** The stream records saved in IndexedDB (each answer's, once its stream has ended). */
function savedRecords(page: Page): Promise<SavedRecord[]> {
  return page.evaluate(
    () =>
      new Promise<SavedRecord[]>((resolve, reject) => {
        const open = indexedDB.open('claude-stream-chat');
        open.onsuccess = () => {
          const all = open.result.transaction('records').objectStore('records').getAll();
          all.onsuccess = () => {
            const entries = all.result as Array<{ record: { sentAt: number; body: string; times: Float64Array; request: unknown } }>;
            open.result.close();
            resolve(entries.map(({ record }) => ({ sentAt: record.sentAt, body: record.body, times: Array.from(record.times), request: record.request })));
          };
        };
        open.onerror = () => reject(new Error('IndexedDB did not open'));
      }),
  );
}

async function requestIdShown(page: Page): Promise<string> {
  const panel = lastAssistant(page).getByTestId('usage');
  await panel.getByRole('button', { name: 'More details' }).click();
  return (await panel.locator('dt', { hasText: /^Request id$/ }).locator('xpath=following-sibling::dd[1]').textContent()) ?? '';
}

test('a reload mid-answer attaches to the running stream and completes it in place, from one upstream request', async ({ page }) => {
  await page.goto('/');
  const sentFrom = await page.evaluate(() => Date.now());
  const response = await send(page, PROMPT);
  const requestId = response.headers()['request-id'] ?? '';
  expect(response.headers()['x-stream-id']).toMatch(/^[A-Za-z0-9_-]{22}$/);
  // Reload once some of the answer is shown and saved.
  await expect(lastAssistant(page).locator('[data-block="text"]')).toContainText(/\w+ \w+ \w+/);
  await expect.poll(() => savedResumePoint(page), { timeout: 10_000 }).toMatch(/^\d+$/);
  // What the saved point says was shown had arrived before it was saved, and so before this moment.
  const shownBefore = Number(await savedResumePoint(page));
  const reloadAt = await page.evaluate(() => Date.now());
  await page.reload();
  const requests = watchRequests(page);
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'streaming');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  const resumed = await answerText(page);
  expect(requests.map((r) => `${r.method()} ${new URL(r.url()).pathname.replace(/streams\/.*/, 'streams/{id}')}`)).toEqual(['GET /api/streams/{id}']);
  expect(await requestIdShown(page)).toBe(requestId);
  // The record is whole: every event once, those the first page had shown at the times they arrived there.
  await expect.poll(async () => (await savedRecords(page)).length).toBe(1);
  const [record] = await savedRecords(page);
  if (record === undefined) throw new Error('no record saved');
  expect(record.body.match(/^id: /gm)).toHaveLength(record.times.length);
  expect(new Set(record.body.match(/^id: \d+$/gm)).size).toBe(record.times.length);
  expect(record.sentAt).toBeGreaterThanOrEqual(sentFrom);
  expect(record.sentAt).toBeLessThan(reloadAt);
  const beforeReload = reloadAt - record.sentAt;
  for (const at of record.times.slice(0, shownBefore + 1)) expect(at).toBeLessThan(beforeReload);
  for (let i = 1; i < record.times.length; i++) expect(record.times[i]).toBeGreaterThanOrEqual((record.times[i - 1] ?? 0) - 1);
  expect(record.times.at(-1)).toBeGreaterThan(beforeReload);
  expect(resumed).toEqual(await uninterrupted(page));
});

test('a cut connection between browser and proxy resumes after the last event seen, nothing missing or twice', async ({ page }) => {
  await page.goto('/');
  const requests = watchRequests(page);
  const response = await send(page, PROMPT);
  const streamId = response.headers()['x-stream-id'] ?? '';
  await expect(lastAssistant(page).locator('[data-block="text"]')).toContainText(/\w+ \w+ \w+/);
  const cut = await page.request.post(`/_app/test/cut-stream/${streamId}`);
  expect(cut.status()).toBe(200);
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  const resumed = await answerText(page);
  const methods = requests.map((r) => r.method());
  expect(methods[0]).toBe('POST');
  expect(methods.slice(1).every((m) => m === 'GET')).toBe(true);
  expect(methods.length).toBeGreaterThanOrEqual(2);
  expect(requests[1]?.headers()['last-event-id']).toMatch(/^\d+$/);
  expect(resumed).toEqual(await uninterrupted(page));
});
