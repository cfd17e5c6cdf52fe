import { Marked, type MarkedToken, type Token, type TokenizerExtension } from 'marked';

/**
 * marked is used as a lexer only: tokens are rendered to React elements by us,
 * so no HTML string from model output ever reaches the DOM.
 */

/** `$…$` / `$$…$$`; `closed` is false while a `$$` block is still streaming. */
// A type alias (not an interface) so it fits marked's index-signature `Generic`.
export type MathToken = {
  readonly type: 'math';
  readonly raw: string;
  readonly text: string;
  readonly display: boolean;
  readonly closed: boolean;
};

export type MdToken = MarkedToken | MathToken;

// Pandoc's rule keeps prices apart: no space inside either dollar, no digit after.
const INLINE_MATH = /^\$(?![\s$])((?:\\[^]|[^\\\n$])+?)(?<![\s\\])\$(?!\d)/;
const INLINE_DISPLAY_MATH = /^\$\$(?!\$)((?:\\[^]|[^\\$])+?)\$\$/;
const BLOCK_MATH = /^\$\$([^]*?)\$\$[ \t]*(?:\n+|$)/;

const inlineMath: TokenizerExtension = {
  name: 'math',
  level: 'inline',
  start(src) {
    const index = src.indexOf('$');
    return index === -1 ? undefined : index;
  },
  tokenizer(src) {
    const display = INLINE_DISPLAY_MATH.exec(src);
    if (display !== null) return mathToken(display[0], display[1] ?? '', true, true);
    const inline = INLINE_MATH.exec(src);
    if (inline !== null) return mathToken(inline[0], inline[1] ?? '', false, true);
    return undefined;
  },
};

const blockMath: TokenizerExtension = {
  name: 'math',
  level: 'block',
  start(src) {
    const match = /^\$\$/m.exec(src);
    return match === null ? undefined : match.index;
  },
  tokenizer(src) {
    if (!src.startsWith('$$')) return undefined;
    const closed = BLOCK_MATH.exec(src);
    if (closed !== null) return mathToken(closed[0], closed[1] ?? '', true, true);
    // The splitter gives an unclosed `$$` block a block of its own, so the rest is math.
    if (src.slice(2).includes('$$')) return undefined;
    return mathToken(src, src.slice(2), true, false);
  },
};

function mathToken(raw: string, text: string, display: boolean, closed: boolean): MathToken {
  return { type: 'math', raw, text: text.trim(), display, closed };
}

const marked = new Marked({ gfm: true, breaks: false, extensions: [blockMath, inlineMath] });

export function lex(block: string): MdToken[] {
  return asMdTokens(marked.lexer(block));
}

/**
 * marked types extension tokens as a loose `Generic`; the only extension
 * tokens we create are `MathToken`s, so the narrowed union is accurate.
 */
export function asMdTokens(tokens: readonly Token[] | undefined): MdToken[] {
  return (tokens ?? []) as MdToken[];
}

/** A little of everything the lexer meets: compiles its regular expressions and warms the JIT. */
const WARM_UP_SAMPLE = '# Title\n\nSome *emphasis*, **strong**, `code` and a [link](https://example.com).\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```ts\nconst x = 1;\n```\n\n> quote $x$\n';

/**
 * The lexer's first run costs tens of milliseconds more than the next ones.
 * Paid while the page is idle after it opens, not when the first answer
 * starts streaming.
 */
export function warmUpLexer(): void {
  lex(WARM_UP_SAMPLE);
}
