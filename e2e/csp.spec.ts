// The Content-Security-Policy and the other security headers, against the production server
// (`npm start`) built from this tree, and Vite's preview: every response carries them, and the
// main screens work under them with no `securitypolicyviolation` at all.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { E2E_PORT } from '../playwright.config';
import { composer, lastAssistant, send } from './support';

const PRODUCTION = `http://127.0.0.1:${E2E_PORT + 1}`;
const PREVIEW = `http://127.0.0.1:${E2E_PORT + 2}`;
const POLICY =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const SERVER_ENV = { ...process.env, ANTHROPIC_API_KEY: '', SIM_FIRST_TOKEN_MS: '100', SIM_TOKENS_PER_SECOND: '400' };

const servers: ChildProcess[] = [];

async function waitUntilUp(base: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${base} did not come up`);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const build = spawnSync('npx', ['vite', 'build', '--configLoader', 'runner', '--logLevel', 'error'], { env: SERVER_ENV, encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  // Own process groups, so the servers and their children end with the suite.
  servers.push(spawn('npx', ['tsx', 'server/start.ts', '--port', String(E2E_PORT + 1)], { env: SERVER_ENV, stdio: 'ignore', detached: true }));
  servers.push(spawn('npx', ['vite', 'preview', '--configLoader', 'runner', '--port', String(E2E_PORT + 2), '--strictPort'], { env: SERVER_ENV, stdio: 'ignore', detached: true }));
  await Promise.all([waitUntilUp(PRODUCTION), waitUntilUp(PREVIEW)]);
});

test.afterAll(() => {
  for (const server of servers) if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
});

function expectSecurityHeaders(headers: Headers, what: string, policy = POLICY) {
  expect(headers.get('content-security-policy'), what).toBe(policy);
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
}

for (const [name, base] of [
  ['npm start', PRODUCTION],
  ['npm run preview', PREVIEW],
] as const) {
  test(`${name}: the page, its scripts, styles, workers and the API's error responses all carry the security headers`, async () => {
    const page = await fetch(`${base}/`);
    expectSecurityHeaders(page.headers, 'index.html');
    const html = await page.text();
    expect(html, 'no inline script in the page').not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    const main = assets.find((a) => a.startsWith('/assets/') && a.endsWith('.js')) ?? '';
    const mainCode = await (await fetch(`${base}${main}`)).text();
    const workers = [...mainCode.matchAll(/assets\/[\w-]*worker[\w-]*\.js/g)].map((m) => `/${m[0]}`);
    expect(workers.length, 'worker chunks referenced by the main bundle').toBeGreaterThanOrEqual(1);
    for (const path of [...assets, ...new Set(workers), '/an/unknown/route']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(200);
      expectSecurityHeaders(response.headers, path);
    }
    const errors: Array<[string, RequestInit]> = [
      ['/api/v1/files', {}],
      ['/api/v1/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"model":"claude-sonnet-4-5"}' }],
      ['/api/v1/messages', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: '{}' }],
      ['/api/v1/models/claude-nope-1', {}],
    ];
    for (const [path, init] of errors) {
      const response = await fetch(`${base}${path}`, init);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(((await response.json()) as { type?: string }).type, path).toBe('error');
      expectSecurityHeaders(response.headers, `${init.method ?? 'GET'} ${path} (${response.status})`);
    }
    const stream = await fetch(`${base}/api/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 50, stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expectSecurityHeaders(stream.headers, 'a streamed answer');
    await stream.text();
  });
}

/** Collects every CSP violation the page reports, from before its first script. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective}: ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`));
  });
  const reports: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reports.push(message.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)), ...reports];
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');

test('the main screens work under the production policy with no violation: markdown, math, code, thinking, tools, inspector, attachments', async ({ page }) => {
  test.setTimeout(90_000);
  const violations = await watchViolations(page);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const response = await page.goto(`${PRODUCTION}/`);
  expect(response?.headers()['content-security-policy']).toBe(POLICY);
  // Tailwind's stylesheet applies (a utility class from it, not a browser default).
  await expect(page.getByRole('button', { name: 'Send' })).toHaveCSS('border-top-left-radius', /^(?!0px)/);

  await send(page, ['/sim echo', '## Notes', '', 'Euler: $e^{i\\pi}+1=0$', '', '$$', '\\int_0^1 x^2\\,dx = \\frac{1}{3}', '$$', '', '```python', 'def f(x):', '    return x', '```'].join('\n'));
  const answer = lastAssistant(page);
  await expect(answer).toHaveAttribute('data-status', 'complete');
  await expect(answer.locator('.katex')).toHaveCount(2);
  await expect(answer.locator('.katex-display')).toHaveCount(1);
  // KaTeX's layout (its inline sizes and its fonts) survived the policy: the fraction is stacked.
  const frac = answer.locator('.katex-display .mfrac');
  await expect(frac).toHaveCount(1);
  expect((await frac.boundingBox())?.height ?? 0).toBeGreaterThan(20);
  await expect(answer.locator('pre code .hljs-keyword').first()).toHaveText('def');

  await send(page, '/sim thinking');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expect(lastAssistant(page).locator('[data-block="thinking"]')).toHaveCount(1);

  await send(page, '/sim tool');
  await expect(page.locator('[data-block="tool_result"]').first()).toBeVisible();
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');

  await lastAssistant(page).getByRole('button', { name: 'Inspect stream' }).click();
  const inspector = page.getByRole('dialog', { name: 'Stream inspector' });
  await expect(inspector).toBeVisible();
  await expect(inspector.getByTestId('event-list')).toContainText('message_stop');
  await expect(inspector.getByTestId('stream-chart')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByTestId('file-input').setInputFiles([{ name: 'dot.png', mimeType: 'image/png', buffer: PNG }]);
  const thumbnail = page.getByRole('list', { name: 'Attachments' }).locator('img');
  await expect(thumbnail).toHaveAttribute('alt', 'dot.png');
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2);
  await composer(page).fill('What is this?');
  await composer(page).press('Enter');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');

  // Both workers ran: the stream worker and the highlighter.
  expect(workers.some((url) => url.includes('stream-worker')), workers.join(', ')).toBe(true);
  expect(workers.some((url) => url.includes('highlight-worker')), workers.join(', ')).toBe(true);
  expect(await violations()).toEqual([]);
});

test('the dev server sends its policy too (what differs is in the README)', async ({ page }) => {
  const violations = await watchViolations(page);
  const response = await page.goto('/');
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
  expect(headers['content-security-policy']).toContain("object-src 'none'");
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
  await send(page, '/sim echo\nMath: $x^2$');
  await expect(lastAssistant(page).locator('.katex')).toHaveCount(1);
  expect(await violations()).toEqual([]);
});
