// The page's side of highlighting: requests go to the highlight worker when
// the page can start one, so highlighting a large block is never a long task
// here; without one (tests, a worker that failed to start) they are
// highlighted on this thread, in background jobs. Results are cached for
// blocks that mount again.
import { createIdleQueue } from './background';
import { highlightLoaded, loadGrammar, warmUpCore } from './highlight';
import type { FromHighlighter, ToHighlighter } from './highlight-queue';

/** The part of a Worker the highlighter uses (a fake in tests). */
export interface HighlightWorkerLike {
  postMessage(message: ToHighlighter): void;
  onmessage: ((event: MessageEvent<FromHighlighter>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

/** Called with the highlighted HTML, or null when the code stays plain. */
export type OnHighlighted = (html: string | null) => void;

export interface HighlightRequest {
  readonly code: string;
  /** A name grammarFor gave. */
  readonly grammar: string;
  /** Keep the result for a block that mounts again: settled code, not each prefix of a growing block. */
  readonly remember: boolean;
}

export interface Highlighter {
  /** Starts the worker (or loads highlight.js here) ahead of the first code block. */
  warmUp(): void;
  /** Runs `job` in a later idle period (requests are sent from there, so they never hold up a frame); returns a cancel. */
  inBackground(job: () => void): () => void;
  /** Highlights the code; `done` is called once, unless the returned cancel is called first. */
  highlight(request: HighlightRequest, done: OnHighlighted): () => void;
  /** The HTML of code highlighted (and remembered) before, or null. */
  highlightedBefore(code: string, grammar: string): string | null;
}

interface Request extends HighlightRequest {
  readonly done: OnHighlighted;
}

export function createHighlighter(spawn: (() => HighlightWorkerLike) | null): Highlighter {
  let worker: HighlightWorkerLike | null = null;
  let failed = spawn === null;
  let nextId = 1;
  /** Requests sent to the worker, by id. */
  const inFlight = new Map<number, Request>();
  /** Requests the worker had when it failed, redone on this thread: their cancels, by id. */
  const redone = new Map<number, () => void>();
  const cache = createCache();
  const { inBackground } = createIdleQueue();

  const finish = (request: Request, html: string | null) => {
    if (html !== null && request.remember) cache.remember(request.code, request.grammar, html);
    request.done(html);
  };

  const connect = (): HighlightWorkerLike | null => {
    if (worker !== null || failed || spawn === null) return worker;
    let started: HighlightWorkerLike;
    try {
      started = spawn();
    } catch {
      failed = true; // e.g. a policy that forbids workers: highlight here
      return null;
    }
    started.onmessage = ({ data }) => {
      const request = inFlight.get(data.id);
      if (request === undefined) return; // cancelled while it was being highlighted
      inFlight.delete(data.id);
      finish(request, data.html);
    };
    started.onerror = () => {
      // Highlighting is an enhancement: what was asked of the worker is done here instead.
      failed = true;
      worker = null;
      started.terminate();
      const orphans = [...inFlight];
      inFlight.clear();
      for (const [id, request] of orphans) {
        const done: OnHighlighted = (html) => {
          redone.delete(id);
          request.done(html);
        };
        redone.set(id, onThisThread({ ...request, done }));
      }
    };
    worker = started;
    return started;
  };

  const onThisThread = (request: Request): (() => void) => {
    let cancelled = false;
    let cancelJob = inBackground(() => {
      loadGrammar(request.grammar).then(
        () => {
          if (!cancelled) cancelJob = inBackground(() => finish(request, highlightLoaded(request.code, request.grammar)));
        },
        () => {
          if (!cancelled) request.done(null);
        },
      );
    });
    return () => {
      cancelled = true;
      cancelJob();
    };
  };

  return {
    inBackground,
    warmUp() {
      loadTheme();
      if (connect() === null) warmUpCore();
    },
    highlight(request, done) {
      loadTheme();
      const target = connect();
      if (target === null) return onThisThread({ ...request, done });
      const id = nextId++;
      inFlight.set(id, { ...request, done });
      target.postMessage({ type: 'highlight', id, code: request.code, grammar: request.grammar });
      return () => {
        if (inFlight.delete(id)) worker?.postMessage({ type: 'cancel', id });
        redone.get(id)?.();
        redone.delete(id);
      };
    },
    highlightedBefore: (code, grammar) => cache.get(code, grammar),
  };
}

let themeLoad: Promise<unknown> | undefined;

/** The colours: highlight.css only sets colours, so it may arrive after the code. */
function loadTheme(): void {
  themeLoad ??= import('./highlight.css').catch(() => {
    themeLoad = undefined;
  });
}

/** Highlighted code by grammar and text, bounded by size; the oldest entries go first. */
function createCache() {
  const entries = new Map<string, string>();
  let chars = 0;
  const LIMIT_CHARS = 4_000_000;
  const key = (code: string, grammar: string) => `${grammar}\u0000${code}`;
  return {
    get: (code: string, grammar: string) => entries.get(key(code, grammar)) ?? null,
    remember(code: string, grammar: string, html: string) {
      const k = key(code, grammar);
      if (entries.has(k)) return;
      entries.set(k, html);
      chars += k.length + html.length;
      for (const [oldKey, oldHtml] of entries) {
        if (chars <= LIMIT_CHARS) break;
        entries.delete(oldKey);
        chars -= oldKey.length + oldHtml.length;
      }
    },
  };
}

/** The page's highlighter: one worker for every code block. */
export const highlighter: Highlighter = createHighlighter(
  typeof Worker === 'function' ? () => new Worker(new URL('./highlight-worker.ts', import.meta.url), { type: 'module', name: 'highlighter' }) : null,
);

/** Loads the highlighter while the page is idle after opening. */
export function warmUpHighlighter(): void {
  highlighter.warmUp();
}
