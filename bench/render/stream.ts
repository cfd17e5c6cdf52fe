// One measured run: a fresh page, a short paced answer (first token on the
// page, and a warm-up), then `/sim long 20000 fast` measured from send to
// data-status="complete".
import type { Browser } from '@playwright/test';
import type { Mode } from './build';
import { composer, diff, metrics, openApp, probe, setMaxTokens, typeMessage, withTimeout, type Metrics } from './page';
import { startProfile, stopProfile, type CpuProfile } from './profile';
import type { BenchServer, SentTimes } from './server';
import { longTracedTasks, startTrace, stopTrace, type TracedTask } from './trace';
import { gaps, percentile } from './stats';

export const LONG_PROMPT = '/sim long 20000 fast';
export const PACED_PROMPT = '/sim long 60';
/** Room for the whole 20,000-token answer (the default max tokens is 4096). */
export const MAX_TOKENS = 32_000;

export interface FirstToken {
  /** First content delta reaching the page's JavaScript → its text in the DOM. */
  readonly arrivedToDomMs: number;
  /** The simulator writing the first content delta → its text in the DOM (same wall clock). */
  readonly sentToDomMs: number;
  /** … → the frame after it (text painted). */
  readonly sentToFrameMs: number;
  readonly serverText: string | null;
  readonly domText: string;
}

export interface StreamRun {
  readonly mode: Mode;
  readonly streamMs: number;
  readonly longTaskCount: number;
  readonly longTaskTotalMs: number;
  readonly longestTaskMs: number;
  readonly longestGapMs: number;
  readonly p99GapMs: number;
  readonly frames: number;
  /** Resource Timing responseEnd of the Messages request → data-status="complete". */
  readonly lastByteToRenderMs: number;
  /** The page's JavaScript reading the last chunk → data-status="complete". */
  readonly lastChunkToRenderMs: number;
  /** Resource Timing responseEnd → the stream worker posting its last batch (NaN without a worker). */
  readonly lastByteToWorkerMs: number;
  /** Blocks still plain text at data-status="complete" (a fast stream's off-screen blocks start so). */
  readonly plainAtComplete: number;
  /** Resource Timing responseEnd → no block plain text any more (formatted in the background). */
  readonly lastByteToFormattedMs: number;
  /** Main-thread time from send to complete, plus what the last update scheduled (CDP TaskDuration). */
  readonly busy: Metrics;
  /** The same, read as soon as the answer is seen complete (the wait ends on the status change itself). */
  readonly busyAtComplete: Metrics;
  readonly longTasksAfterMs: number;
  readonly chars: number;
  /** The answer was still streaming at the run's cap: every figure covers only the part rendered by then. */
  readonly capped: boolean;
  readonly firstTokenPaced: FirstToken;
  readonly firstTokenFast: FirstToken;
  readonly profile?: CpuProfile;
  readonly tracedTasks?: TracedTask[];
}

interface FetchRecord {
  readonly firstDeltaAt: number | null;
  readonly lastChunkAt: number | null;
  /** When the worker posted its last batch, on the page's clock (worker streams only). */
  readonly lastPostedAt?: number;
  readonly doneAt: number | null;
}

interface StatusChange {
  readonly status: string;
  readonly at: number;
  /** Blocks of the answer that were plain text at that moment. */
  readonly plain?: number;
}

const TERMINAL = ['complete', 'error', 'stopped', 'failed', 'incomplete'];

async function sendAndWait(page: import('@playwright/test').Page, text: string, index: number, timeoutMs: number): Promise<StatusChange> {
  await typeMessage(page, text);
  await probe(page, 'watchFirstText', index);
  await composer(page).press('Enter');
  const change = await withTimeout(probe<StatusChange>(page, 'whenStatus', index, TERMINAL, timeoutMs), timeoutMs + 2000, `answer to "${text}"`);
  if (change.status !== 'complete') throw new Error(`The answer to "${text}" ended as ${change.status}.`);
  return change;
}

async function firstToken(page: import('@playwright/test').Page, sent: SentTimes | undefined): Promise<FirstToken> {
  const deadline = Date.now() + 5000;
  let found: { at: number; text: string; frameAt: number | null } | null = null;
  while (Date.now() < deadline) {
    found = await page.evaluate(() => (window as unknown as { __bench: { firstText: { at: number; text: string; frameAt: number | null } | null } }).__bench.firstText);
    if (found !== null && found.frameAt !== null) break;
    await page.waitForTimeout(20);
  }
  const fetches = await page.evaluate(() => (window as unknown as { __bench: { fetches: FetchRecord[] } }).__bench.fetches);
  const fetched = fetches.at(-1);
  const origin = await probe<number>(page, 'timeOrigin');
  if (found === null || fetched?.firstDeltaAt == null) throw new Error('The first token was not observed on the page.');
  const sentAt = sent?.firstDeltaAt ?? Number.NaN;
  return {
    arrivedToDomMs: found.at - fetched.firstDeltaAt,
    sentToDomMs: origin + found.at - sentAt,
    sentToFrameMs: found.frameAt === null ? Number.NaN : origin + found.frameAt - sentAt,
    serverText: sent?.firstDeltaText ?? null,
    domText: found.text,
  };
}

/**
 * Resource Timing of the last Messages request, on the page's clock. When
 * streams run in a worker the entry is in the worker's own timeline, whose
 * clock starts when the worker did.
 */
async function messagesTiming(page: import('@playwright/test').Page): Promise<{ responseEnd: number } | null> {
  const own = await probe<{ responseEnd: number } | null>(page, 'messagesTiming');
  if (own !== null) return own;
  const origin = await probe<number>(page, 'timeOrigin');
  for (const worker of page.workers()) {
    const found = await worker.evaluate(() => {
      const entries = performance.getEntriesByType('resource').filter((e) => /\/api\/v1\/messages(\?|$)/.test(e.name)) as PerformanceResourceTiming[];
      const last = entries[entries.length - 1];
      return last === undefined ? null : performance.timeOrigin + last.responseEnd;
    });
    if (found !== null) return { responseEnd: found - origin };
  }
  return null;
}

export interface StreamRunOptions {
  readonly timeoutMs: number;
  /** The measured answer (default LONG_PROMPT). */
  readonly prompt?: string;
  /** Also take a CPU profile of the long answer (send → settled). */
  readonly profile?: boolean;
  /** Also take a performance trace of the long answer and break its long tasks down. */
  readonly trace?: boolean;
  /** Stop measuring the long answer after this long (ms) if it has not finished: for a renderer too slow to wait for. */
  readonly capMs?: number;
}

const CAPPED: StatusChange = { status: 'capped', at: Number.NaN };

export async function streamRun(browser: Browser, server: BenchServer, mode: Mode, options: StreamRunOptions): Promise<StreamRun> {
  const { timeoutMs } = options;
  const prompt = options.prompt ?? LONG_PROMPT;
  const session = await openApp(browser, server.url);
  const { page, cdp } = session;
  try {
    await setMaxTokens(page, MAX_TOKENS);
    // 1. A short paced answer: the first token as a user sees it, and a warm-up.
    await sendAndWait(page, PACED_PROMPT, 0, 20_000);
    const firstTokenPaced = await firstToken(page, server.sent.at(-1));
    await probe(page, 'settle', 300);

    // 2. The long fast answer, measured.
    await typeMessage(page, prompt);
    await probe(page, 'watchFirstText', 1);
    if (options.trace === true) await startTrace(browser, page);
    if (options.profile === true) await startProfile(cdp);
    const before = await metrics(cdp);
    const t0 = await probe<number>(page, 'beginRun');
    // A renderer that blocks the page for seconds would time out a key press waiting for its acknowledgement.
    if (options.capMs === undefined) await composer(page).press('Enter');
    else await probe(page, 'clickSoon', 'form button[type="submit"]');
    const finished = withTimeout(probe<StatusChange>(page, 'whenStatus', 1, TERMINAL, timeoutMs), timeoutMs + 2000, prompt);
    let capTimer: ReturnType<typeof setTimeout> | undefined;
    const cap = options.capMs === undefined ? null : new Promise<StatusChange>((resolve) => (capTimer = setTimeout(() => resolve(CAPPED), options.capMs)));
    const ended = await (cap === null ? finished : Promise.race([finished, cap])).finally(() => clearTimeout(capTimer));
    const busyAtComplete = diff(await metrics(cdp), before);
    const capped = ended === CAPPED;
    if (capped) finished.catch(() => undefined);
    // A capped run ends now, on the page's clock (the page answers once its current task is done).
    const done = capped ? { status: 'capped', at: await probe<number>(page, 'now') } : ended;
    const frames = await probe<number[]>(page, 'stopFrames');
    if (!capped && done.status !== 'complete') throw new Error(`The long answer ended as ${done.status}.`);
    // What the final update scheduled (formatting blocks that started as plain text, highlighting,
    // the usage panel) counts too.
    const formatted = capped ? null : await probe<{ at: number }>(page, 'whenFormatted', 1, 10_000);
    await probe(page, 'settle', 250);
    const after = await metrics(cdp);
    const profile = options.profile === true ? await stopProfile(cdp) : undefined;
    const tracedTasks = options.trace === true ? longTracedTasks(await stopTrace(browser)) : undefined;
    const timing = await messagesTiming(page);
    const fetches = await page.evaluate(() => (window as unknown as { __bench: { fetches: FetchRecord[]; longTasks: Array<[number, number]> } }).__bench);
    const fetched = fetches.fetches.at(-1);
    const firstTokenFast = capped ? firstTokenPaced : await firstToken(page, server.sent.at(-1));
    const tasks = fetches.longTasks.filter(([start]) => start >= t0 && start <= done.at);
    const tasksAfter = fetches.longTasks.filter(([start]) => start > done.at).reduce((n, [, d]) => n + d, 0);
    const frameGaps = gaps(frames.filter((t) => t >= t0 && t <= done.at + 20));
    const chars = await page.locator('article[data-role="assistant"]').nth(1).locator('[data-block="text"]').evaluateAll((els) => els.reduce((n, el) => n + (el.textContent ?? '').length, 0));
    return {
      mode,
      streamMs: done.at - t0,
      longTaskCount: tasks.length,
      longTaskTotalMs: tasks.reduce((n, [, d]) => n + d, 0),
      longestTaskMs: tasks.reduce((n, [, d]) => Math.max(n, d), 0),
      longestGapMs: frameGaps.reduce((n, g) => Math.max(n, g), 0),
      p99GapMs: percentile(frameGaps, 99),
      frames: frameGaps.length,
      lastByteToRenderMs: timing === null ? Number.NaN : done.at - timing.responseEnd,
      lastChunkToRenderMs: fetched?.lastChunkAt == null ? Number.NaN : done.at - fetched.lastChunkAt,
      lastByteToWorkerMs: timing === null || fetched?.lastPostedAt == null ? Number.NaN : fetched.lastPostedAt - timing.responseEnd,
      plainAtComplete: done.plain ?? 0,
      lastByteToFormattedMs: timing === null || formatted === null ? Number.NaN : formatted.at - timing.responseEnd,
      busy: diff(after, before),
      busyAtComplete,
      longTasksAfterMs: tasksAfter,
      chars,
      capped,
      firstTokenPaced,
      firstTokenFast,
      ...(profile === undefined ? {} : { profile }),
      ...(tracedTasks === undefined ? {} : { tracedTasks }),
    };
  } finally {
    await session.context.close().catch(() => undefined);
  }
}
