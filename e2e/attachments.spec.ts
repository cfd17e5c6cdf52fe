import { expect, test } from '@playwright/test';
import { composer, lastAssistant, send } from './support';

/** A 2x2 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Pages /Count 1 >> endobj\n2 0 obj << /Type /Page >> endobj\n%%EOF\n', 'latin1');

test('images and PDFs are attached by the picker, shown as thumbnails and sent as base64 blocks', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles([
    { name: 'dot.png', mimeType: 'image/png', buffer: PNG },
    { name: 'report.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  const thumbnails = page.getByRole('list', { name: 'Attachments' });
  await expect(thumbnails.locator('[data-attachment="image"] img')).toHaveAttribute('alt', 'dot.png');
  await expect(thumbnails.locator('[data-attachment="document"]')).toContainText('report.pdf');
  await page.getByRole('textbox', { name: 'Message' }).fill('What is in these files?');
  const request = page.waitForRequest((r) => r.url().endsWith('/api/v1/messages'));
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  const body = (await request).postDataJSON() as { messages: Array<{ content: Array<Record<string, unknown>> }> };
  const content = body.messages[0]?.content ?? [];
  expect(content[0]).toMatchObject({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG.toString('base64') } });
  expect(content[1]).toMatchObject({ type: 'document', source: { type: 'base64', media_type: 'application/pdf' } });
  expect(content[2]).toMatchObject({ type: 'text', text: 'What is in these files?' });
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expect(page.locator('article[data-role="user"] [data-attachment]')).toHaveCount(2);
});

test('a file over the limit or of the wrong type is refused before sending, with a clear message', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles([
    { name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(6 * 1024 * 1024, 1) },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
  ]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('huge.png is 6.0 MB; the limit for an image is 5.0 MB.');
  await expect(alert).toContainText('notes.txt: only JPEG, PNG, GIF and WebP images and PDF files can be attached.');
  await expect(page.getByRole('list', { name: 'Attachments' })).toHaveCount(0);
});

test('an image is attached by pasting it into the message box or dropping it on the composer', async ({ page }) => {
  await page.goto('/');
  const pngBase64 = PNG.toString('base64');
  // A real paste and drop carry a DataTransfer with files; the browser builds the same events here.
  await page.getByRole('textbox', { name: 'Message' }).evaluate((box, data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'pasted.png', { type: 'image/png' }));
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, pngBase64);
  const thumbnails = page.getByRole('list', { name: 'Attachments' });
  await expect(thumbnails.locator('[data-attachment="image"] img')).toHaveAttribute('alt', 'pasted.png');

  await page.locator('form').filter({ has: page.getByRole('textbox', { name: 'Message' }) }).evaluate((form, data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'dropped.png', { type: 'image/png' }));
    form.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    form.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, pngBase64);
  await expect(thumbnails.locator('[data-attachment="image"] img')).toHaveCount(2);
  await expect(thumbnails.locator('[data-attachment="image"] img').nth(1)).toHaveAttribute('alt', 'dropped.png');
});

/** A PDF of `pages` page objects, padded with a comment to `size` bytes. */
function pdfOf(pages: number, size = 0): Buffer {
  const head = `%PDF-1.4\n1 0 obj << /Type /Pages /Count ${pages} >> endobj\n${Array.from({ length: pages }, (_, i) => `${i + 2} 0 obj << /Type /Page >> endobj\n`).join('')}`;
  const tail = '%%EOF\n';
  const padding = Math.max(0, size - head.length - tail.length - 2);
  return Buffer.from(`${head}%${'x'.repeat(padding)}\n${tail}`, 'latin1');
}

test('earlier attachments count toward the next request: over 32 MB the new file to remove is named and nothing is sent', async ({ page }) => {
  await page.goto('/');
  const MB = 1024 * 1024;
  // 13 MB is fine alone; 13 + 12 MB is 33.3 MB of base64 once the first is sent again with the second.
  await page.getByTestId('file-input').setInputFiles([{ name: 'first.pdf', mimeType: 'application/pdf', buffer: pdfOf(1, 13 * MB) }]);
  await expect(page.getByRole('list', { name: 'Attachments' })).toContainText('first.pdf');
  await send(page, 'Summarise this.');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');

  let requests = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/api/v1/messages')) requests += 1;
  });
  await page.getByTestId('file-input').setInputFiles([{ name: 'second.pdf', mimeType: 'application/pdf', buffer: pdfOf(1, 12 * MB) }]);
  const limit = page.getByTestId('request-limit');
  await expect(limit).toHaveText(/^This request would be 33\.\d MB, over the API's 32\.0 MB limit .*Remove second\.pdf \(12\.0 MB\) from this message\.$/);
  await expect(limit).toHaveAttribute('role', 'alert');
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  await composer(page).fill('And this?');
  await composer(page).press('Enter');
  expect(requests).toBe(0);
  await page.getByRole('button', { name: 'Remove second.pdf' }).click();
  await expect(limit).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();
});

test('PDF pages are counted across the conversation: over 100 the new file is named', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles([{ name: 'seventy.pdf', mimeType: 'application/pdf', buffer: pdfOf(70) }]);
  await send(page, 'Read this.');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await page.getByTestId('file-input').setInputFiles([{ name: 'forty.pdf', mimeType: 'application/pdf', buffer: pdfOf(40) }]);
  await expect(page.getByTestId('request-limit')).toHaveText(
    'This request would carry 110 PDF pages; the API takes at most 100 in one request, earlier messages included. Remove forty.pdf (40 pages) from this message.',
  );
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
});
