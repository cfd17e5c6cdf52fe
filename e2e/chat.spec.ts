import { expect, test } from '@playwright/test';
import { composer, expectTokenRows, lastAssistant, send, usageFromSse, usageValue } from './support';

test('a new user sees the simulator badge and an empty chat', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('simulator-badge')).toHaveText('Simulator');
  await expect(composer(page)).toBeFocused();
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
});

test('hello streams in visibly separate steps, then the usage panel matches the SSE usage', async ({ page }) => {
  await page.goto('/');
  const responsePromise = send(page, 'hello');
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'streaming');

  // Sample the text on every animation frame while it streams.
  const states = await answer.evaluate(async (article) => {
    const seen: string[] = [];
    await new Promise<void>((resolve) => {
      const tick = () => {
        const text = article.querySelector('[data-block="text"]')?.textContent ?? '';
        if (text !== '' && text !== seen.at(-1)) seen.push(text);
        if (article.getAttribute('data-status') !== 'streaming') resolve();
        else requestAnimationFrame(tick);
      };
      tick();
    });
    return seen;
  });
  // Markdown consumes its syntax as it completes (`**b` becomes bold `b`), so the
  // visible text is not always a strict prefix; count the steps where it grew.
  const growing = states.filter((text, i) => i === 0 || text.length > (states[i - 1]?.length ?? 0));
  expect(growing.length).toBeGreaterThanOrEqual(5);
  await expect(answer).toHaveAttribute('data-status', 'complete');

  const sse = usageFromSse(await (await responsePromise).text());
  expect(await usageValue(page, 'Model')).toBe(sse.model);
  expect(await usageValue(page, 'Stop reason')).toBe(sse.stopReason);
  await expectTokenRows(page, sse);
  expect(await usageValue(page, 'Time to first token')).toMatch(/^\d+ ms$|^\d+\.\d\d s$/);
  expect(await usageValue(page, 'Total time')).toMatch(/^\d+ ms$|^\d+\.\d\d s$/);
  expect(await usageValue(page, 'Output tokens/s')).toMatch(/^\d+\.\d$/);
  expect(sse.final.output_tokens).toBeGreaterThan(sse.start.output_tokens as number);
});

test('Shift+Enter inserts a newline instead of sending', async ({ page }) => {
  await page.goto('/');
  await composer(page).fill('line one');
  await composer(page).press('Shift+Enter');
  await composer(page).pressSequentially('line two');
  await expect(composer(page)).toHaveValue('line one\nline two');
  await expect(page.locator('article')).toHaveCount(0);
});

test('Stop keeps the partial answer, marks it stopped, and the composer works again', async ({ page }) => {
  await page.goto('/');
  await send(page, '/sim long 3000');
  const answer = lastAssistant(page);
  await expect(answer.locator('[data-block="text"]').first()).toHaveText(/\S{10,}/);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(answer).toHaveAttribute('data-status', 'stopped');
  const kept = await answer.locator('[data-block]').allTextContents();
  expect(kept.join('').length).toBeGreaterThan(10);
  // Nothing more arrives after Stop.
  await page.waitForTimeout(300);
  expect(await answer.locator('[data-block]').allTextContents()).toEqual(kept);
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  await send(page, 'hello again');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expect(page.locator('article[data-role="assistant"]').first()).toHaveAttribute('data-status', 'stopped');
});

test('an HTTP error becomes a readable message in the answer, not a console trace', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await send(page, '/sim error 401');
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'error');
  await expect(answer.getByRole('alert')).toContainText('The API key was rejected');
  await expect(answer.getByRole('alert')).toContainText('ANTHROPIC_API_KEY');
  expect(errors).toEqual([]);
});

test('auto-scroll follows the stream, stops when the user scrolls up, resumes at the bottom', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 500 });
  await page.goto('/');
  await send(page, '/sim long 1500');
  const transcript = page.getByTestId('transcript');
  // What the reader sees: the distance from the bottom in the next three frames in which the
  // transcript's content changes size, read after the app's own ResizeObserver (created first, so
  // notified first) has followed. Reading at an arbitrary moment could fall between a render and
  // the frame that paints it, which on a loaded machine can be most of a second.
  const paintedDistances = () =>
    transcript.evaluate(
      (el) =>
        new Promise<number[]>((resolve) => {
          const seen: number[] = [];
          const done = () => {
            observer.disconnect();
            resolve(seen);
          };
          const observer = new ResizeObserver(() => {
            seen.push(el.scrollHeight - el.scrollTop - el.clientHeight);
            if (seen.length >= 3) done();
          });
          observer.observe(el.firstElementChild as Element);
          // The answer may end first: the frames seen by then (at least the first) are enough.
          setTimeout(done, 3000);
        }),
    );
  await expect.poll(async () => transcript.evaluate((el) => el.scrollHeight > el.clientHeight * 1.5), { timeout: 20_000 }).toBe(true);
  expect(Math.max(...(await paintedDistances()))).toBeLessThan(60);

  await transcript.evaluate((el) => el.scrollTo({ top: 0 }));
  await page.mouse.wheel(0, -200);
  const heightBefore = await transcript.evaluate((el) => el.scrollHeight);
  await expect.poll(() => transcript.evaluate((el) => el.scrollHeight), { timeout: 20_000 }).toBeGreaterThan(heightBefore + 100);
  expect(await transcript.evaluate((el) => el.scrollTop)).toBe(0);

  await transcript.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const heightAtResume = await transcript.evaluate((el) => el.scrollHeight);
  await expect.poll(() => transcript.evaluate((el) => el.scrollHeight), { timeout: 20_000 }).toBeGreaterThan(heightAtResume + 50);
  expect(Math.max(...(await paintedDistances()))).toBeLessThan(60);
});

test('an answer that outruns the page arrives a frame of content at a time, the view follows its end, and every block is formatted', async ({ page }) => {
  await page.goto('/');
  // As soon as the answer's first text shows, the page is kept busy while the rest arrives, as on a
  // slow device or a busy tab, so a backlog builds up; every frame in which the answer grew is counted.
  await page.evaluate(() => {
    const seen = window as unknown as { framesGrown: number };
    seen.framesGrown = 0;
    let held = false;
    let lastLength = 0;
    const tick = () => {
      const answers = document.querySelectorAll('article[data-role="assistant"]');
      const length = answers[answers.length - 1]?.textContent?.length ?? 0;
      if (length > lastLength) seen.framesGrown += 1;
      lastLength = length;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new MutationObserver(() => {
      if (held || document.querySelector('article[data-role="assistant"] [data-md-block]') === null) return;
      held = true;
      const until = performance.now() + 600;
      while (performance.now() < until);
    }).observe(document.body, { subtree: true, childList: true });
  });
  // A long answer (the default max tokens would cut it at 4,096).
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Max tokens').fill('16000');
  await page.getByRole('button', { name: 'Done' }).click();
  await send(page, '/sim long 12000 fast');
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'complete');
  // About 45,000 characters of markdown, applied at most a frame's budget (12k) at a time: it grew over several frames, not in one.
  expect(await page.evaluate(() => (window as unknown as { framesGrown: number }).framesGrown)).toBeGreaterThanOrEqual(3);
  // The view is at the end of the answer, and everything above it is formatted.
  const transcript = page.getByTestId('transcript');
  await expect.poll(() => transcript.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(60);
  await transcript.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(answer.locator('[data-md-block="0"]').locator('h1, h2, h3, p').first()).toBeVisible();
  expect(await answer.locator('pre code').count()).toBeGreaterThan(0);
  expect(await answer.locator('table').count()).toBeGreaterThan(0);
});

test('code blocks are highlighted in the highlight worker, their text as written', async ({ page }) => {
  await page.goto('/');
  await send(page, '/sim long 600 fast');
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'complete');
  const labelled = answer.locator('.md-code', { has: page.getByTestId('code-lang').filter({ hasText: /^(typescript|python|rust|go|bash|sql|json|css)$/ }) });
  await expect(labelled.first()).toBeVisible();
  const blocks = await labelled.count();
  // Every block in a known language gets colours, and its text is the code as written: no markup, no escapes shown.
  await expect(labelled.locator('pre code:has(span[class^="hljs-"])')).toHaveCount(blocks);
  for (const code of await labelled.locator('pre code').allTextContents()) expect(code).not.toMatch(/&(lt|gt|amp|quot);|<span/);
  expect(page.workers().some((worker) => worker.url().includes('highlight-worker'))).toBe(true);
});
