// A conversation of 500 messages and about a million characters, built
// honestly and quickly: one real 20,000-token answer is streamed from the
// simulator, exported with the app's own "Export JSON", multiplied in Node
// into 250 question/answer pairs cut from that answer's markdown (headings,
// lists, tables, code) at block boundaries, and loaded with the app's own
// "Import" (its parser, IndexedDB, and store). Nothing in src/ is touched or
// exposed. (Streaming ~250 turns through the API would take minutes and send
// the whole growing history with every request.) Then: switching to it,
// typing in the composer, and wheel-scrolling from top to bottom.
import type { Browser, Page } from '@playwright/test';
import { EMPTY_SPLIT, splitBlocks } from '../../src/markdown/split';
import { composer, diff, metrics, openApp, probe, setMaxTokens, typeMessage, withTimeout, type Metrics } from './page';
import { longTracedTasks, startTrace, stopTrace, type TracedTask } from './trace';
import { startProfile, stopProfile, summarise, type ProfileRow } from './profile';
import type { BenchServer } from './server';
import { gaps, median, percentile } from './stats';
import { LONG_PROMPT, MAX_TOKENS } from './scenario';

export const LONG_MESSAGES = 500;
export const LONG_CHARS = 1_000_000;
const TITLE = 'Bench: 500 messages';
const TRANSCRIPT = '[data-testid="transcript"]';
const WHEEL_TICKS = 300;

export interface LongConversation {
  readonly messages: number;
  readonly chars: number;
  readonly importMs: number;
  /** Click in the sidebar → all answers in the DOM, and → the frame after. */
  readonly switchDomMs: number;
  readonly switchFrameMs: number;
  /** Messages in the DOM right after the switch (the app renders the newest ones first). */
  readonly switchArticles: number;
  readonly switchLongestTaskMs: number;
  readonly switchBusy: Metrics;
  readonly typingMedianMs: number;
  readonly typingP95Ms: number;
  readonly typingMaxMs: number;
  readonly typed: number;
  readonly scrollPx: number;
  readonly scrollMs: number;
  readonly scrollWheels: number;
  readonly scrollStepPx: number;
  readonly scrollReachedBottom: boolean;
  readonly scrollP99GapMs: number;
  readonly scrollLongestGapMs: number;
  readonly scrollLongTasks: number;
  readonly scrollLongestTaskMs: number;
  readonly scrollBusy: Metrics;
  readonly elements: number;
  readonly heapMb: number;
}

interface Exported {
  readonly format: string;
  readonly schemaVersion: number;
  readonly conversation: Record<string, unknown>;
  readonly messages: ReadonlyArray<Record<string, unknown> & { readonly role: string }>;
}

interface TextBlockState {
  readonly kind: 'text';
  readonly block: { readonly type: 'text'; readonly text: string } & Record<string, unknown>;
}

/** Answer-sized pieces of markdown, cut where the app's own splitter starts a new top-level block. */
function answerTexts(markdown: string, count: number, size: number): string[] {
  const blocks = splitBlocks(markdown, EMPTY_SPLIT, true).blocks;
  const pieces: string[] = [];
  let current = '';
  for (const block of blocks) {
    current += block;
    if (current.length >= size) {
      pieces.push(current);
      current = '';
    }
  }
  if (current.trim() !== '') pieces.push(current);
  if (pieces.length === 0) throw new Error('The exported answer has no text.');
  return Array.from({ length: count }, (_, i) => `**Answer ${i + 1}.**\n\n${pieces[i % pieces.length] ?? ''}`);
}

/** The export multiplied into a linear conversation of `messages` messages and about `chars` characters. */
export function buildConversation(exported: Exported, messages: number, chars: number): { readonly json: string; readonly chars: number } {
  const user = exported.messages.find((m) => m.role === 'user');
  const assistant = exported.messages.find((m) => m.role === 'assistant');
  if (user === undefined || assistant === undefined) throw new Error('The export has no question and answer to copy.');
  const stream = assistant.stream as { blocks: readonly unknown[] } & Record<string, unknown>;
  const textBlock = stream.blocks.find((b): b is TextBlockState => (b as { kind?: string }).kind === 'text');
  if (textBlock === undefined) throw new Error('The exported answer has no text block.');
  const pairs = Math.floor(messages / 2);
  const question = (i: number) => `Question ${i + 1}: could you go over error handling once more, with code and a table?`;
  const questionChars = Array.from({ length: pairs }, (_, i) => question(i).length).reduce((a, b) => a + b, 0);
  const texts = answerTexts(textBlock.block.text, pairs, Math.floor((chars - questionChars) / pairs));
  const base = Date.now() - pairs * 2 * 1000;
  const out: Array<Record<string, unknown>> = [];
  let parentId: string | null = null;
  let total = 0;
  for (let i = 0; i < pairs; i++) {
    const userId = `bench-user-${i}`;
    const answerId = `bench-answer-${i}`;
    const text = texts[i] ?? '';
    total += question(i).length + text.length;
    out.push({ ...user, id: userId, parentId, createdAt: base + i * 2000, text: question(i) });
    out.push({ ...assistant, id: answerId, parentId: userId, createdAt: base + i * 2000 + 1000, stream: { ...stream, blocks: [{ ...textBlock, block: { ...textBlock.block, text } }] } });
    parentId = answerId;
  }
  const conversation = { ...exported.conversation, id: 'bench-long-conversation', title: TITLE, createdAt: base, updatedAt: Date.now() + 60_000, selection: {} };
  return { json: JSON.stringify({ format: exported.format, schemaVersion: exported.schemaVersion, conversation, messages: out }), chars: total };
}

async function exportOne(page: Page): Promise<Exported> {
  const download = page.waitForEvent('download', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Exported;
}

interface TypingSample {
  readonly ms: number;
}

export interface LongDiagnostics {
  readonly switchTasks: TracedTask[];
  readonly switchProfile: ProfileRow[];
  readonly typingTasks: TracedTask[];
  readonly typingProfile: ProfileRow[];
  readonly scrollTasks: TracedTask[];
}

export interface LongOptions {
  readonly budgetMs: number;
  /** Trace and CPU-profile the switch, the typing and the start of the scroll (slower; for diagnosis). */
  readonly profile?: { readonly buildDir: string };
  /** A what-if: CSS added to the page before switching (bench only, never shipped). */
  readonly injectCss?: string;
}

export async function longConversation(browser: Browser, server: BenchServer, options: LongOptions): Promise<LongConversation & { readonly diagnostics?: LongDiagnostics }> {
  const { budgetMs } = options;
  const profiling = options.profile;
  const deadline = Date.now() + budgetMs;
  const left = () => Math.max(1000, deadline - Date.now());
  const session = await openApp(browser, server.url);
  const { page, cdp } = session;
  try {
    // 1. One real answer, exported by the app.
    await setMaxTokens(page, MAX_TOKENS);
    await typeMessage(page, LONG_PROMPT);
    await composer(page).press('Enter');
    await withTimeout(probe(page, 'whenStatus', 0, ['complete'], 60_000), Math.min(62_000, left()), 'the answer to copy');
    const exported = await exportOne(page);
    const built = buildConversation(exported, LONG_MESSAGES, LONG_CHARS);

    // 2. Imported with the app's Import button (file input).
    const t0 = Date.now();
    await page.getByLabel('Import conversations from a JSON file').setInputFiles({ name: 'bench-long.json', mimeType: 'application/json', buffer: Buffer.from(built.json) });
    await page.getByText('Imported 1 conversation').waitFor({ timeout: Math.min(60_000, left()) });
    const importMs = Date.now() - t0;
    const item = page.locator('li[data-conversation-id]', { hasText: TITLE });
    await item.waitFor({ timeout: 10_000 });
    const id = await item.getAttribute('data-conversation-id');
    await probe(page, 'settle', 300);

    if (options.injectCss !== undefined) await page.addStyleTag({ content: options.injectCss });
    // 3. Switching to it.
    if (profiling !== undefined) {
      await startTrace(browser, page);
      await startProfile(cdp);
    }
    const beforeSwitch = await metrics(cdp);
    const pairs = Math.floor(LONG_MESSAGES / 2);
    const switched = await withTimeout(
      probe<{ domMs: number; frameMs: number; longTasks: Array<[number, number]>; articles: number }>(page, 'clickAndWaitNewest', `li[data-conversation-id="${id}"] button`, `Question ${pairs}:`, Math.min(60_000, left())),
      Math.min(62_000, left() + 2000),
      'switching to the long conversation',
    );
    await probe(page, 'settle', 500);
    const switchBusy = diff(await metrics(cdp), beforeSwitch);
    let switchTasks: TracedTask[] = [];
    let switchProfile: ProfileRow[] = [];
    if (profiling !== undefined) {
      switchProfile = (await summarise(await stopProfile(cdp), profiling.buildDir, 200)).byTotal.filter((r) => r.where.startsWith('src/') || /^(marked|highlight\.js|katex|@microsoft|zustand|idb)\//.test(r.where));
      switchTasks = longTracedTasks(await stopTrace(browser));
    }

    // 4. Typing: 20 characters, each from key event to the end of the next frame.
    await composer(page).click();
    await probe(page, 'watchTyping', '#composer');
    if (profiling !== undefined) {
      await startTrace(browser, page);
      await startProfile(cdp);
    }
    const typed = 'the quick brown fox!';
    for (const ch of typed) {
      await page.keyboard.press(ch === ' ' ? 'Space' : ch);
      await page.waitForTimeout(40);
      if (Date.now() > deadline) break;
    }
    await probe(page, 'settle', 100);
    let typingTasks: TracedTask[] = [];
    let typingProfile: ProfileRow[] = [];
    if (profiling !== undefined) {
      typingProfile = (await summarise(await stopProfile(cdp), profiling.buildDir, 20)).bySelf;
      typingTasks = longTracedTasks(await stopTrace(browser), 16);
    }
    const typing = (await page.evaluate(() => (window as unknown as { __bench: { typing: TypingSample[] } }).__bench.typing)).map((t) => t.ms);
    await composer(page).fill('');

    // 5. Scrolling with the mouse wheel from the top to the bottom.
    await probe(page, 'scrollBox', TRANSCRIPT, 'top');
    await probe(page, 'settle', 500);
    const box = await page.locator(TRANSCRIPT).boundingBox();
    if (box === null) throw new Error('The transcript is not visible.');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    let scrollTasks: TracedTask[] = [];
    let tracingScroll = false;
    if (profiling !== undefined) {
      await startTrace(browser, page);
      tracingScroll = true;
    }
    const beforeScroll = await metrics(cdp);
    const s0 = await probe<number>(page, 'beginRun');
    const scrollStart = Date.now();
    const scrollCap = Math.min(20_000, left() - 5_000);
    let wheels = 0;
    let state = await probe<{ top: number; height: number; client: number }>(page, 'scrollBox', TRANSCRIPT, 'here');
    const startTop = state.top;
    // About WHEEL_TICKS ticks from top to bottom, however tall the list is.
    const step = Math.max(600, Math.ceil((state.height - state.client) / WHEEL_TICKS));
    while (state.top + state.client < state.height - 2 && Date.now() - scrollStart < scrollCap) {
      await page.mouse.wheel(0, step);
      wheels += 1;
      if (tracingScroll && wheels === 40) {
        // The trace covers the first 40 ticks only: a whole scroll through 90,000 elements would be huge.
        tracingScroll = false;
        scrollTasks = longTracedTasks(await stopTrace(browser));
      }
      // A wheel tick every ~16 ms is a fast, continuous scroll; check position every few ticks.
      if (wheels % 8 === 0) state = await probe(page, 'scrollBox', TRANSCRIPT, 'here');
      else await page.waitForTimeout(8);
    }
    await probe(page, 'settle', 100);
    state = await probe(page, 'scrollBox', TRANSCRIPT, 'here');
    const s1 = await probe<number>(page, 'now');
    const frames = await probe<number[]>(page, 'stopFrames');
    const scrollBusy = diff(await metrics(cdp), beforeScroll);
    if (tracingScroll) scrollTasks = longTracedTasks(await stopTrace(browser));
    const tasks = (await page.evaluate(() => (window as unknown as { __bench: { longTasks: Array<[number, number]> } }).__bench.longTasks)).filter(([start]) => start >= s0 && start <= s1);
    const frameGaps = gaps(frames);
    const dom = await probe<{ elements: number; textChars: number }>(page, 'domStats');
    return {
      messages: LONG_MESSAGES,
      chars: built.chars,
      importMs,
      switchDomMs: switched.domMs,
      switchFrameMs: switched.frameMs,
      switchArticles: switched.articles,
      switchLongestTaskMs: switched.longTasks.reduce((n, [, d]) => Math.max(n, d), 0),
      switchBusy,
      typingMedianMs: median(typing),
      typingP95Ms: percentile(typing, 95),
      typingMaxMs: typing.reduce((n, v) => Math.max(n, v), 0),
      typed: typing.length,
      scrollPx: state.top - startTop,
      scrollMs: s1 - s0,
      scrollWheels: wheels,
      scrollReachedBottom: state.top + state.client >= state.height - 2,
      scrollP99GapMs: percentile(frameGaps, 99),
      scrollLongestGapMs: frameGaps.reduce((n, g) => Math.max(n, g), 0),
      scrollLongTasks: tasks.length,
      scrollLongestTaskMs: tasks.reduce((n, [, d]) => Math.max(n, d), 0),
      scrollBusy,
      elements: dom.elements,
      heapMb: scrollBusy.heapMb,
      scrollStepPx: step,
      ...(profiling === undefined ? {} : { diagnostics: { switchTasks, switchProfile, typingTasks, typingProfile, scrollTasks } }),
    };
  } finally {
    await session.context.close().catch(() => undefined);
  }
}
