// BENCH ONLY: the naive renderer the app is compared with. It stands in for
// src/markdown's `Markdown` through a Vite alias in the bench's naive build
// (see build.ts) and must never be imported by src/. Every update it receives
// re-parses the whole message with marked and replaces the whole subtree's
// HTML: the approach the incremental renderer exists to avoid. (The store
// still applies the stream once per frame, a frame's worth at a time, so the
// comparison isolates the renderer.) Written without JSX: bench/ is
// type-checked by tsconfig.node.json.
import { marked } from 'marked';
import { createElement } from 'react';

export interface MarkdownProps {
  readonly text: string;
  readonly streaming: boolean;
}

/** The naive renderer's warm-up, like the app's: one parse while the page is idle. */
export function warmUpLexer(): void {
  marked.parse('# Title\n\nSome *emphasis* and `code`.\n\n- one\n\n| a |\n|---|\n| 1 |\n', { async: false, gfm: true });
}

/** The naive renderer does not highlight code. */
export function warmUpHighlighter(): void {}

// The rest of src/markdown's public face: the idle queue as the app has it.
export { createIdleQueue, type IdleQueue } from '../../src/markdown/background';

/** Code shown by Claude's own tools (not in the bench's answers): plain, unhighlighted. */
export function CodeBlock({ code }: { readonly code: string; readonly lang: string; readonly live: boolean }) {
  return createElement('pre', null, createElement('code', null, code));
}

/** A marker the bench finds in the naive build, proving the alias took effect. */
export const NAIVE_MARKER = 'bench-naive-markdown';

export function Markdown({ text, streaming }: MarkdownProps) {
  // Bench input comes from the in-process simulator only; this never ships.
  const html = marked.parse(text, { async: false, gfm: true });
  return createElement('div', {
    'data-markdown': NAIVE_MARKER,
    'data-streaming': streaming ? 'true' : 'false',
    className: 'min-w-0 space-y-3 break-words leading-relaxed',
    dangerouslySetInnerHTML: { __html: html },
  });
}
