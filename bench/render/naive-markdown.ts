// BENCH ONLY: the naive renderer the app is compared with. It stands in for
// src/markdown's `Markdown` through a Vite alias in the bench's naive build
// (see build.ts) and must never be imported by src/. Every update it receives
// re-parses the whole message with marked and replaces the whole subtree's
// HTML: the approach the incremental renderer exists to avoid. (The store
// still coalesces updates to one per frame, so the comparison isolates the
// renderer.) Written without JSX: bench/ is type-checked by tsconfig.node.json.
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

/**
 * The naive renderer's counterpart of the app's idle-time rendering warm-up:
 * the same kinds of blocks parsed once into a hidden container whose content
 * is not laid out (the app's off-screen sample is skipped by
 * content-visibility too).
 */
export function warmUpRendering(): void {
  const section = (i: number) =>
    `## Section ${i}\n\nSome *emphasis*, **strong**, \`code\` and a [link](https://example.com/${i}).\n\n- one\n- two\n\n1. first\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n\n\`\`\`ts\nconst x = 1;\n\`\`\`\n`;
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:720px;visibility:hidden;pointer-events:none;content-visibility:hidden';
  host.className = 'min-w-0 space-y-3 break-words leading-relaxed';
  host.innerHTML = marked.parse([0, 1, 2, 3, 4, 5].map(section).join('\n'), { async: false, gfm: true });
  document.body.append(host);
  requestAnimationFrame(() => requestAnimationFrame(() => host.remove()));
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
