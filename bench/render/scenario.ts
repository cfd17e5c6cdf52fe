// One measured run of one rate scenario on one build: a fresh page; a short
// answer at the server's pace (the first token of a fresh page, and a
// warm-up); then the scenario's answer, measured from send to
// data-status="complete" (and to "formatted"), while the page records long
// tasks, animation frames and, in the burst, keys typed into the composer.
import type { Browser, CDPSession, Page } from '@playwright/test';
import { EMPTY_SPLIT, splitBlocks } from '../../src/markdown/split';
import { composer, diff, metrics, openApp, probe, setMaxTokens, typeMessage, withTimeout, type Metrics } from './page';
import { startProfile, stopProfile, type CpuProfile } from './profile';
import { answerText, CLOCK_PATH, type BenchServer, type SentTimes } from './server';
import { gaps, median, percentile } from './stats';
import { longTracedTasks, startTrace, stopTrace, type TracedTask } from './trace';

export type ScenarioName = 'real' | 'tenx' | 'burst';

export interface Scenario {
  readonly name: ScenarioName;
  readonly title: string;
  readonly prompt: string;
  /** The simulator's pace on this scenario's server (a prompt with `fast` ignores it). */
  readonly tokensPerSecond: number;
  /** Type into the composer while the answer arrives. */
  readonly typing: boolean;
  readonly timeoutMs: number;
}

export const SCENARIOS: Readonly<Record<ScenarioName, Scenario>> = {
  real: { name: 'real', title: 'real rate: `/sim long 4000` at 200 tokens/s', prompt: '/sim long 4000', tokensPerSecond: 200, typing: false, timeoutMs: 60_000 },
  tenx: { name: 'tenx', title: '10x a real stream: `/sim long 10000` at 2,000 tokens/s', prompt: '/sim long 10000', tokensPerSecond: 2000, typing: false, timeoutMs: 40_000 },
  burst: { name: 'burst', title: 'burst: `/sim long 20000 fast`, typing into the composer meanwhile', prompt: '/sim long 20000 fast', tokensPerSecond: 200, typing: true, timeoutMs: 60_000 },
};
export const SCENARIO_NAMES: readonly ScenarioName[] = ['real', 'tenx', 'burst'];

/** The first answer of each page: short, at the server's pace. */
export const WARM_PROMPT = '/sim long 60';
/** The long conversation's answer to copy, and the memory scenario's answers. */
export const LONG_PROMPT = '/sim long 20000 fast';
/** Room for a 20,000-token answer (the default max tokens is 4096). */
export const MAX_TOKENS = 32_000;
/** A key into the composer this often while a burst arrives (it lasts a few hundred ms; each key is a sample). */
const KEY_INTERVAL_MS = 12;
const KEYS = 'abcdefghijklmnopqrstuvwxyz';

export interface FirstToken {
  /** The simulator writing the first content delta → its text in the DOM (server's clock, offset measured). */
  readonly sentToDomMs: number;
  /** … → the frame after it (text painted). */
  readonly sentToFrameMs: number;
  /** The first delta reaching the page's JavaScript (the stream worker's batch) → its text in the DOM. */
  readonly arrivedToDomMs: number;
  readonly serverText: string | null;
  readonly domText: string;
}

export interface Keys {
  /** keydown timeStamp → the next animation frame callback, each key. */
  readonly samples: readonly number[];
  readonly count: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

export interface ScenarioRun {
  readonly build: string;
  readonly scenario: ScenarioName;
  /** Characters in the answer's text block at the end. */
  readonly chars: number;
  /** Send → data-status="complete". */
  readonly streamMs: number;
  /** The simulator's first content delta → its last byte. */
  readonly arrivalMs: number;
  readonly longTaskCount: number;
  readonly longTaskTotalMs: number;
  readonly longestTaskMs: number;
  readonly frames: number;
  readonly p95GapMs: number;
  readonly p99GapMs: number;
  readonly longestGapMs: number;
  /** The simulator writing the last byte → the answer complete in the DOM (its whole text, in the same commit). */
  readonly lastByteToDomMs: number;
  /** The stream worker receiving the last bytes → complete in the DOM. */
  readonly receivedToDomMs: number;
  /** The last byte → complete, no block left plain, the last block made of elements. */
  readonly formattedMs: number;
  /** Markdown blocks the answer's text splits into, and [data-md-block]s in the DOM when formatted (0: not this renderer's DOM). */
  readonly blocksExpected: number;
  readonly blocksFound: number;
  readonly lastTag: string | null;
  /** Main-thread time (CDP TaskDuration), send → complete. */
  readonly busy: Metrics;
  /** busy per second of send → complete. */
  readonly busyPerSecond: number;
  /** Send → formatted, plus 250 ms of what that scheduled. */
  readonly busySettled: Metrics;
  readonly keys: Keys | null;
  /** The warm-up answer, the first of a fresh page. */
  readonly firstToken: FirstToken;
  /** The measured answer. */
  readonly firstTokenMeasured: FirstToken;
  /** Server clock − page clock, and the round trip it was measured in. */
  readonly clockOffsetMs: number;
  readonly clockRttMs: number;
  readonly profile?: CpuProfile;
  readonly tracedTasks?: TracedTask[];
}

interface FetchRecord {
  readonly firstDeltaAt: number | null;
  readonly lastChunkAt: number | null;
  /** When the last bytes were received (by the worker, or under the page's fetch), on the page's clock. */
  readonly lastReceivedAt: number | null;
  readonly doneAt: number | null;
}

interface StatusChange {
  readonly status: string;
  readonly at: number;
}

interface KeySample {
  readonly down: number;
  readonly frame: number | null;
}

const TERMINAL = ['complete', 'error', 'stopped', 'failed', 'incomplete'];

async function state<T>(page: Page, key: string): Promise<T> {
  return page.evaluate((k) => (window as unknown as { __bench: Record<string, unknown> }).__bench[k], key) as Promise<T>;
}

async function sendAndWait(page: Page, text: string, index: number, timeoutMs: number): Promise<void> {
  await typeMessage(page, text);
  await probe(page, 'watchFirstText', index);
  await composer(page).press('Enter');
  const change = await withTimeout(probe<StatusChange>(page, 'whenStatus', index, TERMINAL, timeoutMs), timeoutMs + 2000, `answer to "${text}"`);
  if (change.status !== 'complete') throw new Error(`The answer to "${text}" ended as ${change.status}.`);
}

async function firstToken(page: Page, sent: SentTimes | undefined, offsetMs: number): Promise<FirstToken> {
  const deadline = Date.now() + 5000;
  type Found = { at: number; text: string; frameAt: number | null } | null;
  let found: Found = null;
  while (Date.now() < deadline) {
    found = await state<Found>(page, 'firstText');
    if (found !== null && found.frameAt !== null) break;
    await page.waitForTimeout(20);
  }
  const fetched = (await state<FetchRecord[]>(page, 'fetches')).at(-1);
  const origin = await probe<number>(page, 'timeOrigin');
  if (found === null || fetched?.firstDeltaAt == null) throw new Error('The first token was not observed on the page.');
  const sentAt = sent?.firstDeltaAt ?? Number.NaN;
  return {
    sentToDomMs: origin + found.at + offsetMs - sentAt,
    sentToFrameMs: found.frameAt === null ? Number.NaN : origin + found.frameAt + offsetMs - sentAt,
    arrivedToDomMs: found.at - fetched.firstDeltaAt,
    serverText: sent?.firstDeltaText ?? null,
    domText: found.text,
  };
}

/**
 * Types into the focused composer, a key every KEY_INTERVAL_MS until `stop()`,
 * like a person: on a steady cadence, whether or not the page has handled the
 * previous key (CDP key events sent without waiting for their
 * acknowledgement, so a page that blocks gets its keys queued, each one
 * sampled). Resolves with the number of keys once every one is acknowledged.
 */
async function typeAlong(cdp: CDPSession, stop: () => boolean, deadline: number): Promise<number> {
  const sent: Array<Promise<unknown>> = [];
  let n = 0;
  while (!stop() && Date.now() < deadline) {
    const key = KEYS[n % KEYS.length] ?? 'a';
    const code = `Key${key.toUpperCase()}`;
    const windowsVirtualKeyCode = key.toUpperCase().charCodeAt(0);
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code, text: key, unmodifiedText: key, windowsVirtualKeyCode }).catch(() => undefined));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode }).catch(() => undefined));
    n += 1;
    await new Promise((resolve) => setTimeout(resolve, KEY_INTERVAL_MS));
  }
  await withTimeout(Promise.all(sent), 20_000, 'the keys typed').catch(() => undefined);
  return n;
}

export interface RunOptions {
  /** Also take a CPU profile of the measured answer (send → settled). */
  readonly profile?: boolean;
  /** Also take a performance trace of the measured answer and break down its main-thread tasks over this many ms. */
  readonly trace?: number;
}

export async function scenarioRun(browser: Browser, server: BenchServer, build: string, scenario: Scenario, options: RunOptions = {}): Promise<ScenarioRun> {
  const session = await openApp(browser, server.url);
  const { page, cdp } = session;
  try {
    const clock = await probe<{ offset: number; rtt: number }>(page, 'clockOffset', new URL(CLOCK_PATH, server.url).href, 8);
    await setMaxTokens(page, MAX_TOKENS);
    // 1. A short answer at the server's pace: the first token of a fresh page, and a warm-up.
    await sendAndWait(page, WARM_PROMPT, 0, 20_000);
    const warm = await firstToken(page, server.sent.at(-1), clock.offset);
    await probe(page, 'settle', 300);

    // 2. The scenario's answer, measured.
    await typeMessage(page, scenario.prompt);
    await probe(page, 'watchFirstText', 1);
    await probe(page, 'watchFormatted', 1);
    if (scenario.typing) await probe(page, 'watchKeys');
    if (options.trace !== undefined) await startTrace(browser, page);
    if (options.profile === true) await startProfile(cdp);
    const before = await metrics(cdp);
    const t0 = await probe<number>(page, 'beginRun');
    await composer(page).press('Enter');
    let stopTyping = false;
    const typing = scenario.typing ? typeAlong(cdp, () => stopTyping, Date.now() + scenario.timeoutMs) : Promise.resolve(0);
    let done: StatusChange;
    try {
      done = await withTimeout(probe<StatusChange>(page, 'whenStatus', 1, TERMINAL, scenario.timeoutMs), scenario.timeoutMs + 2000, scenario.prompt);
    } finally {
      stopTyping = true;
    }
    const atComplete = diff(await metrics(cdp), before);
    const frames = await probe<number[]>(page, 'stopFrames');
    await typing;
    if (done.status !== 'complete') throw new Error(`The answer to "${scenario.prompt}" ended as ${done.status}.`);
    const formatted = await probe<{ at: number; blocks: number; lastTag: string | null } | null>(page, 'whenFormatted', 10_000);
    await probe(page, 'settle', 250);
    const settled = diff(await metrics(cdp), before);
    const profile = options.profile === true ? await stopProfile(cdp) : undefined;
    const tracedTasks = options.trace !== undefined ? longTracedTasks(await stopTrace(browser), options.trace) : undefined;

    const sent = server.sent.at(-1);
    if (sent === undefined || sent.lastWriteAt === null) throw new Error('The bench server saw no answer.');
    const origin = await probe<number>(page, 'timeOrigin');
    const onServer = (pageAt: number) => origin + pageAt + clock.offset;
    const fetched = (await state<FetchRecord[]>(page, 'fetches')).at(-1);
    const longTasks = await state<Array<[number, number]>>(page, 'longTasks');
    const tasks = longTasks.filter(([start]) => start >= t0 && start <= done.at);
    const frameGaps = gaps(frames.filter((t) => t >= t0 && t <= done.at + 20));
    const keys = scenario.typing ? (await state<KeySample[]>(page, 'keys')).filter((k) => k.down >= t0 && k.down <= done.at && k.frame !== null).map((k) => (k.frame ?? 0) - k.down) : null;
    const measured = await firstToken(page, sent, clock.offset);
    const chars = await page.locator('article[data-role="assistant"]').nth(1).locator('[data-block="text"]').evaluateAll((els) => els.reduce((n, el) => n + (el.textContent ?? '').length, 0));
    const text = answerText(sent);
    const streamSeconds = (done.at - t0) / 1000;
    return {
      build,
      scenario: scenario.name,
      chars,
      streamMs: done.at - t0,
      arrivalMs: sent.firstDeltaAt === null ? Number.NaN : sent.lastWriteAt - sent.firstDeltaAt,
      longTaskCount: tasks.length,
      longTaskTotalMs: tasks.reduce((n, [, d]) => n + d, 0),
      longestTaskMs: tasks.reduce((n, [, d]) => Math.max(n, d), 0),
      frames: frameGaps.length,
      p95GapMs: percentile(frameGaps, 95),
      p99GapMs: percentile(frameGaps, 99),
      longestGapMs: frameGaps.reduce((n, g) => Math.max(n, g), 0),
      lastByteToDomMs: onServer(done.at) - sent.lastWriteAt,
      receivedToDomMs: fetched?.lastReceivedAt == null ? Number.NaN : done.at - fetched.lastReceivedAt,
      formattedMs: formatted === null ? Number.NaN : onServer(formatted.at) - sent.lastWriteAt,
      blocksExpected: splitBlocks(text, EMPTY_SPLIT, true).blocks.length,
      blocksFound: formatted?.blocks ?? 0,
      lastTag: formatted?.lastTag ?? null,
      busy: atComplete,
      busyPerSecond: atComplete.taskMs / streamSeconds,
      busySettled: settled,
      keys: keys === null ? null : { samples: keys, count: keys.length, p50Ms: median(keys), p95Ms: percentile(keys, 95), maxMs: keys.reduce((n, v) => Math.max(n, v), 0) },
      firstToken: warm,
      firstTokenMeasured: measured,
      clockOffsetMs: clock.offset,
      clockRttMs: clock.rtt,
      ...(profile === undefined ? {} : { profile }),
      ...(tracedTasks === undefined ? {} : { tracedTasks }),
    };
  } finally {
    await session.context.close().catch(() => undefined);
  }
}
