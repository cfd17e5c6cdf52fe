// Memory: a fresh page, loaded and idle, its JS heap measured after forced
// GCs; then ANSWERS answers of `/sim long 20000 fast` in one conversation;
// then "New chat" (an empty conversation) and forced GCs again. What the page
// holds then, beyond where it started, is what the 30 answers left behind.
// Capped in time: when the cap comes first, the answers done so far are
// measured the same way, and the result says so.
import type { Browser } from '@playwright/test';
import { heapMb, openApp, probe, setMaxTokens, typeMessage, composer, withTimeout } from './page';
import { LONG_PROMPT, MAX_TOKENS } from './scenario';
import type { BenchServer } from './server';

export const ANSWERS = 30;
const ANSWER_TIMEOUT_MS = 90_000;
const TERMINAL = ['complete', 'error', 'stopped', 'failed', 'incomplete'];

export interface MemoryResult {
  readonly build: string;
  /** After load and 1.5 s idle, GC'd. */
  readonly startMb: number;
  /** After the first answer, GC'd (what one answer and the code it loaded cost). */
  readonly afterFirstMb: number;
  /** After the last answer, still in that conversation, GC'd. */
  readonly beforeSwitchMb: number;
  /** After "New chat", idle, GC'd. */
  readonly endMb: number;
  readonly answers: number;
  readonly capped: boolean;
  readonly seconds: number;
  /** Send → complete of each answer. */
  readonly answerMs: readonly number[];
  /** Characters of the last answer's article. */
  readonly lastChars: number;
  /** Heap (not GC'd) every 10 answers. */
  readonly trail: ReadonlyArray<{ readonly answers: number; readonly mb: number }>;
}

export async function memoryRun(browser: Browser, server: BenchServer, build: string, capMs: number): Promise<MemoryResult> {
  const started = Date.now();
  const deadline = started + capMs;
  const session = await openApp(browser, server.url);
  const { page, cdp } = session;
  try {
    await page.waitForTimeout(1500);
    await probe(page, 'settle', 0);
    const startMb = await heapMb(cdp, true);
    await setMaxTokens(page, MAX_TOKENS);
    const answerMs: number[] = [];
    const trail: Array<{ answers: number; mb: number }> = [];
    let afterFirstMb = Number.NaN;
    let lastChars = 0;
    while (answerMs.length < ANSWERS && Date.now() < deadline) {
      await probe(page, 'markNewest');
      await typeMessage(page, LONG_PROMPT);
      const sentAt = await probe<number>(page, 'now');
      await composer(page).press('Enter');
      const timeout = Math.min(ANSWER_TIMEOUT_MS, Math.max(5_000, deadline - Date.now() + 30_000));
      const done = await withTimeout(probe<{ status: string; at: number; chars: number }>(page, 'whenNextDone', TERMINAL, timeout), timeout + 2000, `memory answer ${answerMs.length + 1}`);
      if (done.status !== 'complete') throw new Error(`Memory answer ${answerMs.length + 1} ended as ${done.status}.`);
      answerMs.push(done.at - sentAt);
      lastChars = done.chars;
      await probe(page, 'settle', 50);
      if (answerMs.length === 1) afterFirstMb = await heapMb(cdp, true);
      if (answerMs.length % 10 === 0) trail.push({ answers: answerMs.length, mb: await heapMb(cdp, false) });
    }
    await probe(page, 'settle', 300);
    const beforeSwitchMb = await heapMb(cdp, true);
    await page.locator('button[title^="New chat"]').first().click();
    await page.waitForFunction(() => document.querySelectorAll('article[data-role]').length === 0, undefined, { timeout: 15_000 });
    await page.waitForTimeout(1500);
    await probe(page, 'settle', 0);
    const endMb = await heapMb(cdp, true);
    return { build, startMb, afterFirstMb, beforeSwitchMb, endMb, answers: answerMs.length, capped: answerMs.length < ANSWERS, seconds: (Date.now() - started) / 1000, answerMs, lastChars, trail };
  } finally {
    await session.context.close().catch(() => undefined);
  }
}
