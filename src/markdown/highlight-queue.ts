// The highlight worker's side: requests are highlighted one at a time, in
// the order they came, each in its own task, so that a cancel arriving
// meanwhile (a block that scrolled away or grew again) takes its request out
// before any time is spent on it.
import { assertNever } from '../protocol';
import { highlightLoaded, loadGrammar } from './highlight';

export type ToHighlighter =
  | { readonly type: 'highlight'; readonly id: number; readonly code: string; readonly grammar: string }
  | { readonly type: 'cancel'; readonly id: number };

/** `html` is null when the code stays plain (too large, or its grammar failed to load). */
export interface FromHighlighter {
  readonly id: number;
  readonly html: string | null;
}

interface Request {
  readonly code: string;
  readonly grammar: string;
}

/**
 * Runs each callback in a task of its own, without the 4 ms clamp nested
 * timers get: a conversation opening with 40 code blocks is 40 tasks.
 */
function messageTasks(): (run: () => void) => void {
  const channel = new MessageChannel();
  const due: Array<() => void> = [];
  channel.port1.onmessage = () => due.shift()?.();
  return (run) => {
    due.push(run);
    channel.port2.postMessage(null);
  };
}

export function createHighlightQueue(reply: (message: FromHighlighter) => void, nextTask: (run: () => void) => void = messageTasks()) {
  /** Waiting requests; a Map keeps the order they came in. */
  const waiting = new Map<number, Request>();
  let busy = false;

  const runNext = async () => {
    const first = waiting.entries().next();
    if (first.done === true) {
      busy = false;
      return;
    }
    const [id, { code, grammar }] = first.value;
    waiting.delete(id);
    let html: string | null = null;
    try {
      await loadGrammar(grammar);
      html = highlightLoaded(code, grammar);
    } catch {
      // A grammar that failed to load, or code highlight.js gave up on, stays plain; the queue goes on.
    } finally {
      nextTask(() => void runNext());
      reply({ id, html });
    }
  };

  return {
    receive(message: ToHighlighter): void {
      switch (message.type) {
        case 'highlight':
          waiting.set(message.id, { code: message.code, grammar: message.grammar });
          if (!busy) {
            busy = true;
            nextTask(() => void runNext());
          }
          return;
        case 'cancel':
          waiting.delete(message.id);
          return;
        default:
          assertNever(message);
      }
    },
  };
}
