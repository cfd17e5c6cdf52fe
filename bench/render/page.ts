// Browser plumbing shared by the render bench's measurements.
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { PROBE_SCRIPT } from './probe';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true, timeout: 30_000 });
}

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly cdp: CDPSession;
}

/** A fresh context (empty storage) with the probe installed, at the app's page, ready to type. */
export async function openApp(browser: Browser, url: string): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  try {
    await context.addInitScript({ content: PROBE_SCRIPT });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const cdp = await context.newCDPSession(page);
    // Thread CPU time where Chromium supports it: less sensitive to a loaded machine than wall time.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' }).catch(() => cdp.send('Performance.enable'));
    await page.goto(url, { waitUntil: 'load' });
    await composer(page).waitFor({ state: 'visible' });
    return { context, page, cdp };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

export const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });

/** Calls window.__bench[name](...args) in the page. */
export function probe<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(([n, a]) => (window as unknown as { __bench: Record<string, (...x: unknown[]) => unknown> }).__bench[n as string]?.(...(a as unknown[])), [name, args] as const) as Promise<T>;
}

/** Fills the composer and waits until Send is enabled (the app has loaded its models and settings). */
export async function typeMessage(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  const send = page.getByRole('button', { name: 'Send' });
  const deadline = Date.now() + 15_000;
  while (!(await send.isEnabled())) {
    if (Date.now() > deadline) throw new Error('The Send button never became enabled.');
    await page.waitForTimeout(50);
  }
}

/**
 * Max tokens in the open conversation's settings, through the Settings dialog
 * (the default 4096 would cut a 20,000-token answer short).
 */
export async function setMaxTokens(page: Page, maxTokens: number): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const field = page.getByLabel('Max tokens');
  await field.fill(String(maxTokens));
  await page.getByRole('button', { name: 'Done' }).click();
  await field.waitFor({ state: 'hidden' });
}

export interface Metrics {
  readonly taskMs: number;
  readonly scriptMs: number;
  readonly layoutMs: number;
  readonly styleMs: number;
  readonly nodes: number;
  readonly heapMb: number;
}

/** Chromium's accumulated main-thread counters (Performance.getMetrics). */
export async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => list.find((m) => m.name === name)?.value ?? Number.NaN;
  return {
    taskMs: get('TaskDuration') * 1000,
    scriptMs: get('ScriptDuration') * 1000,
    layoutMs: get('LayoutDuration') * 1000,
    styleMs: get('RecalcStyleDuration') * 1000,
    nodes: get('Nodes'),
    heapMb: get('JSHeapUsedSize') / 1048576,
  };
}

export function diff(after: Metrics, before: Metrics): Metrics {
  return {
    taskMs: after.taskMs - before.taskMs,
    scriptMs: after.scriptMs - before.scriptMs,
    layoutMs: after.layoutMs - before.layoutMs,
    styleMs: after.styleMs - before.styleMs,
    nodes: after.nodes,
    heapMb: after.heapMb,
  };
}

/** Rejects after ms with a message: every wait in the bench is capped. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The page's JS heap in use (CDP Runtime.getHeapUsage), in MB; after forcing full GCs when `gc`. */
export async function heapMb(cdp: CDPSession, gc: boolean): Promise<number> {
  if (gc) {
    // Three times, a moment apart: finalizers and weak callbacks of one collection free more in the next.
    for (let i = 0; i < 3; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1048576;
}
