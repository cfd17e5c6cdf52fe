import { expect, test, type Page, type Request } from '@playwright/test';
import { formatUsd } from '../src/usage/cost';
import { PRICE_TABLE } from '../src/usage/pricing-table';
import { lastAssistant, send, usageFromSse, usageValue, type SseUsage } from './support';

/** Switches one of Claude's own tools on in Settings (each is off in a new conversation). */
async function switchOn(page: Page, label: 'Web search' | 'Web fetch' | 'Code execution') {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Conversation settings' });
  const toggle = dialog.getByRole('checkbox', { name: label, exact: true });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  return dialog;
}

async function closeSettings(page: Page) {
  await page.getByRole('dialog', { name: 'Conversation settings' }).getByRole('button', { name: 'Done' }).click();
}

/** Records each distinct text of the first element matching `selector`, from when it appears (set up before the app loads). */
async function recordTexts(page: Page, selector: string) {
  await page.addInitScript((sel) => {
    const states: string[] = [];
    (window as unknown as { __texts: string[] }).__texts = states;
    new MutationObserver(() => {
      const text = document.querySelector(sel)?.textContent;
      if (text != null && states.at(-1) !== text) states.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, selector);
}
const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __texts: string[] }).__texts);

interface SseBlocks {
  readonly blocks: Record<string, unknown>[];
  readonly usage: SseUsage;
  readonly container: string | null;
}

/** The message the stream describes: blocks as started, tool input joined from its deltas, text and citations applied. */
function blocksFromSse(body: string): SseBlocks {
  const blocks: Record<string, unknown>[] = [];
  const json: string[] = [];
  let container: string | null = null;
  for (const line of body.split('\n')) {
    if (!line.startsWith('data:')) continue;
    const event = JSON.parse(line.slice(5)) as { type: string; index: number; content_block?: Record<string, unknown>; delta?: Record<string, unknown> };
    if (event.type === 'content_block_start' && event.content_block) {
      blocks[event.index] = { ...event.content_block };
      json[event.index] = '';
    }
    const block = blocks[event.index];
    if (event.type === 'content_block_delta' && block && event.delta) {
      const d = event.delta;
      if (d.type === 'input_json_delta') json[event.index] += String(d.partial_json);
      if (d.type === 'text_delta') block.text = String(block.text) + String(d.text);
      if (d.type === 'citations_delta') block.citations = [...((block.citations as unknown[]) ?? []), d.citation];
    }
    if (event.type === 'content_block_stop' && block && (block.type === 'server_tool_use' || block.type === 'tool_use')) block.input = JSON.parse(json[event.index] || '{}');
    if (event.type === 'message_delta') container = ((event.delta?.container as { id?: string } | undefined)?.id ?? container) || null;
  }
  return { blocks, usage: usageFromSse(body), container };
}

/** Tokens at the model's prices (the app's table) plus the web searches at $10 per 1,000. */
function expectedCost(usage: SseUsage): number {
  const entry = PRICE_TABLE.find((row) => row.ids.includes(usage.model.replace(/-\d{8}$/, '')));
  if (entry === undefined) throw new Error(`no price for ${usage.model}`);
  const n = (field: string) => Number(usage.final[field] ?? 0);
  const split = usage.final.cache_creation as { ephemeral_5m_input_tokens?: number; ephemeral_1h_input_tokens?: number } | undefined;
  const searches = Number((usage.final.server_tool_use as { web_search_requests?: number } | undefined)?.web_search_requests ?? 0);
  return (
    (n('input_tokens') * entry.input +
      (split?.ephemeral_5m_input_tokens ?? n('cache_creation_input_tokens')) * entry.cacheWrite5m +
      (split?.ephemeral_1h_input_tokens ?? 0) * entry.cacheWrite1h +
      n('cache_read_input_tokens') * entry.cacheRead +
      n('output_tokens') * entry.output) /
      1_000_000 +
    (searches * 10) / 1000
  );
}

/** The next request's copy of the answer: every server block exactly as it streamed. */
async function expectSentBackUnchanged(page: Page, answer: SseBlocks) {
  const next = page.waitForRequest((r) => r.url().endsWith('/api/v1/messages') && r.method() === 'POST');
  await send(page, 'Thanks!');
  const body = (await next).postDataJSON() as { messages: { role: string; content: Record<string, unknown>[] }[] };
  const sent = body.messages[1];
  expect(sent?.role).toBe('assistant');
  const server = (blocks: Record<string, unknown>[]) => blocks.filter((b) => b.type !== 'text');
  expect(server(answer.blocks).length).toBeGreaterThanOrEqual(2);
  expect(server(sent?.content ?? [])).toEqual(server(answer.blocks));
  return body;
}

const toolsOf = (request: Request) => (request.postDataJSON() as { tools?: { type?: string; name?: string }[] }).tools ?? [];

test('web search: switched on in Settings, the query streams, the results card and citations render, usage counts and prices the search, the blocks go back unchanged', async ({ page }) => {
  await recordTexts(page, '[data-tool="web_search"] [data-testid="server-tool-input"]');
  await page.goto('/');
  const dialog = await switchOn(page, 'Web search');
  // A combination the API rejects is explained before sending.
  await dialog.getByRole('textbox', { name: 'Web search allowed domains' }).fill('https://example.com');
  await expect(dialog.getByRole('alert')).toContainText('write "example.com" without the scheme');
  await dialog.getByRole('textbox', { name: 'Web search allowed domains' }).fill('');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await closeSettings(page);

  const response = await send(page, 'What is the latest on heat pumps?');
  expect(toolsOf(response.request())).toContainEqual({ type: 'web_search_20260209', name: 'web_search' });
  expect(await response.request().headerValue('anthropic-beta')).toBeNull();
  const answer = blocksFromSse(await response.text());
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  const card = lastAssistant(page).locator('[data-block="web_search_tool_result"]');
  await expect(card.getByRole('link')).toHaveCount(3);
  await expect(lastAssistant(page).locator('a[data-citation]').first()).toHaveAttribute('href', /^https:\/\//);
  // The query was shown while it streamed: the placeholder, at least one part of it, then all of it.
  const query = String((answer.blocks.find((b) => b.type === 'server_tool_use')?.input as { query: string }).query);
  const states = await recorded(page);
  expect(states[0]).toBe('Searching the web…');
  expect(states.at(-1)).toBe(`Searching the web: “${query}”`.replace(/[“”]/g, ''));
  expect(states.length).toBeGreaterThanOrEqual(3);

  expect(await usageValue(page, 'Web search requests')).toBe('1');
  expect(await usageValue(page, 'Cost')).toBe(formatUsd(expectedCost(answer.usage)));
  await expectSentBackUnchanged(page, answer);
});

test('web fetch: the URL streams, the page card renders collapsed, a citation links to the page, the fetch is counted, the blocks go back unchanged', async ({ page }) => {
  await recordTexts(page, '[data-tool="web_fetch"] [data-testid="server-tool-input"]');
  await page.goto('/');
  await switchOn(page, 'Web fetch');
  await closeSettings(page);
  const url = 'https://example.com/articles/event-streams-in-practice';
  const response = await send(page, `Summarise ${url} for me`);
  expect(toolsOf(response.request())).toContainEqual({ type: 'web_fetch_20260209', name: 'web_fetch', citations: { enabled: true } });
  const answer = blocksFromSse(await response.text());
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');

  const card = lastAssistant(page).locator('[data-block="web_fetch_tool_result"]');
  await expect(card.getByTestId('fetch-title')).toHaveAttribute('href', url);
  await expect(card).toContainText(url);
  await expect(card).toContainText(/Retrieved \d+ \w+ 2026, \d\d:\d\d UTC/);
  await expect(card.locator('details')).not.toHaveAttribute('open', '');
  await card.locator('summary').click();
  await expect(card.locator('details pre')).toContainText('Streaming sends each part of the answer');
  await expect(lastAssistant(page).locator('a[data-citation]')).toHaveAttribute('href', url);

  const states = await recorded(page);
  expect(states.at(-1)).toBe(`Fetched ${url}`);
  expect(states.some((s) => s.startsWith('Fetching https://') && s !== `Fetching ${url}`), `partial URLs in ${JSON.stringify(states)}`).toBe(true);

  expect(await usageValue(page, 'Web fetch requests')).toBe('1');
  expect(await usageValue(page, 'Cost')).toBe(formatUsd(expectedCost(answer.usage)));
  await expectSentBackUnchanged(page, answer);
});

test('code execution: the code streams highlighted, the console shows output, exit code and files, the container and blocks go to the next request', async ({ page }) => {
  await recordTexts(page, '[data-tool="text_editor_code_execution"] code');
  await page.goto('/');
  await switchOn(page, 'Code execution');
  await closeSettings(page);
  const response = await send(page, 'Run a python script for the standard deviation of my numbers');
  expect(toolsOf(response.request())).toContainEqual({ type: 'code_execution_20260120', name: 'code_execution' });
  const answer = blocksFromSse(await response.text());
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');

  const written = lastAssistant(page).locator('[data-tool="text_editor_code_execution"]');
  await expect(written).toContainText('Writing /tmp/stats.py');
  await expect(written.getByTestId('code-lang')).toHaveText('python');
  await expect(written.locator('code .hljs-keyword').first()).toBeVisible();
  await expect(lastAssistant(page).locator('[data-tool="bash_code_execution"] [data-testid="server-tool-input"]')).toHaveText('$ cd /tmp && python stats.py');
  const console = lastAssistant(page).locator('[data-block="bash_code_execution_tool_result"]');
  await expect(console.getByTestId('stdout')).toHaveText('mean: 15.86\nstdev: 4.06\n');
  await expect(console.getByTestId('return-code')).toHaveText('exit code 0');
  await expect(console.getByTestId('container-files')).toContainText(/^file_/);
  await expect(console).toContainText('Files API');
  const code = String((answer.blocks.find((b) => b.type === 'server_tool_use')?.input as { file_text: string }).file_text);
  const states = await recorded(page);
  expect(states.at(-1)).toBe(code);
  expect(states.filter((s) => s !== code && code.startsWith(s) && s !== '').length).toBeGreaterThanOrEqual(2);

  expect(await usageValue(page, 'Cost')).toBe(formatUsd(expectedCost(answer.usage)));
  await lastAssistant(page).getByRole('button', { name: 'More details' }).click();
  expect(await usageValue(page, 'Code execution')).toContain('container time is not reported per answer');
  expect(answer.container).toMatch(/^container_/);
  const next = await expectSentBackUnchanged(page, answer);
  expect((next as { container?: string }).container).toBeUndefined();
});

test('pause_turn continues on its own with the container; tool errors read as sentences', async ({ page }) => {
  await page.goto('/');
  await switchOn(page, 'Code execution');
  await closeSettings(page);
  const requests: Request[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/v1/messages') && r.method() === 'POST') requests.push(r);
  });
  const first = await send(page, '/sim code pause');
  const paused = blocksFromSse(await first.text());
  expect(paused.usage.stopReason).toBe('pause_turn');
  // The continuation is shown joined to the paused answer: one article, two requests.
  await expect(page.locator('article[data-role="assistant"]')).toHaveCount(1);
  await expect(lastAssistant(page).locator('[data-continuation]')).toHaveCount(1);
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expect.poll(() => requests.length).toBe(2);
  const continued = requests[1]?.postDataJSON() as { container?: string; messages: { role: string; content: Record<string, unknown>[] }[] };
  expect(continued.container).toBe(paused.container);
  // The prompt-cache breakpoint (on by default) marks the conversation's last block; the blocks are otherwise as received.
  const withoutBreakpoint = (b: Record<string, unknown>) => Object.fromEntries(Object.entries(b).filter(([key]) => key !== 'cache_control'));
  expect(continued.messages.at(-1)?.content.filter((b) => b.type !== 'text').map(withoutBreakpoint)).toEqual(paused.blocks.filter((b) => b.type !== 'text'));
  expect(continued.messages.at(-1)?.content.at(-1)?.cache_control).toEqual({ type: 'ephemeral' });
  await expect(lastAssistant(page)).toContainText('15.86');

  await send(page, '/sim code execution_time_exceeded');
  await expect(lastAssistant(page).locator('[data-block="bash_code_execution_tool_result"][role="alert"]')).toHaveText('The command ran past the time limit and was stopped.');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await send(page, '/sim fetch https://example.com/gone url_not_accessible');
  await expect(lastAssistant(page).locator('[data-error-code="url_not_accessible"]')).toHaveText(/^The page fetch could not reach that address/);
});
