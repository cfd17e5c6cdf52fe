/**
 * Pure, incremental splitter of streaming markdown into top-level blocks.
 *
 * Invariants (tested):
 * - `blocks.join('') === text`: nothing is dropped, so each block can be lexed alone.
 * - Appending text only ever changes the last block; every earlier block is
 *   settled for good, so its memoized renderer never runs again.
 * - Resuming from a previous split gives the same result as splitting from 0.
 *
 * Cuts are only made where CommonMark guarantees a fresh top-level block, and
 * only on complete lines (a partial line such as `1` may still become `1. item`).
 * Merging too much is harmless (the lexer sees more); splitting wrongly is not.
 */
import { assertNever } from '../protocol';

export interface Split {
  readonly text: string;
  readonly blocks: readonly string[];
  /** Offset of the last block in `text`: the next scan resumes here. */
  readonly tailStart: number;
}

export const EMPTY_SPLIT: Split = { text: '', blocks: [], tailStart: 0 };

type Mode =
  | { readonly kind: 'normal' }
  | { readonly kind: 'fence'; readonly char: string; readonly length: number; readonly topLevel: boolean }
  | { readonly kind: 'math' };

const NORMAL: Mode = { kind: 'normal' };
const FENCE = /^([ \t]*)(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;

/**
 * Splits `text`, reusing `prev` when `text` extends it. With `final` the last
 * line counts as complete even without a newline (the stream has ended).
 */
export function splitBlocks(text: string, prev: Split = EMPTY_SPLIT, final = false): Split {
  // Only the tail is compared, so a delta costs O(tail), not O(message). The
  // settled prefix is trusted: streamed text is append-only.
  const resumable =
    prev.blocks.length > 0 &&
    text.length >= prev.text.length &&
    text.startsWith(prev.text.slice(prev.tailStart), prev.tailStart);
  const from = resumable ? prev.tailStart : 0;
  const blocks = resumable ? prev.blocks.slice(0, -1) : [];
  if (from >= text.length) return { text, blocks, tailStart: from };
  const cuts = scan(text, from, final);
  let start = from;
  for (const cut of cuts) {
    blocks.push(text.slice(start, cut));
    start = cut;
  }
  blocks.push(text.slice(start));
  return { text, blocks, tailStart: start };
}

/** Offsets (after `from`, before the end) where a new top-level block starts. */
function scan(text: string, from: number, final: boolean): number[] {
  const cuts: number[] = [];
  let mode: Mode = NORMAL;
  let blockStart = from;
  let hasContent = false;
  let afterBlank = false;
  let inList = false;
  let indentedCode = false;
  const cut = (at: number): void => {
    if (at > blockStart && at < text.length) cuts.push(at);
    blockStart = at;
    hasContent = false;
    afterBlank = false;
    inList = false;
    indentedCode = false;
  };

  let pos = from;
  while (pos < text.length) {
    const newline = text.indexOf('\n', pos);
    if (newline === -1 && !final) break; // undecidable until the line ends
    const end = newline === -1 ? text.length : newline;
    const next = newline === -1 ? text.length : newline + 1;
    const line = text.slice(pos, end);

    switch (mode.kind) {
      case 'fence':
        if (closesFence(line, mode.char, mode.length)) {
          const topLevel = mode.topLevel;
          mode = NORMAL;
          if (topLevel) cut(next);
        }
        break;
      case 'math':
        if (line.trimEnd().endsWith('$$')) {
          mode = NORMAL;
          cut(next);
        }
        break;
      case 'normal': {
        if (line.trim() === '') {
          if (hasContent) afterBlank = true;
          break;
        }
        const indent = indentWidth(line);
        // Fences, `$$` and ATX headings at column 0 interrupt paragraphs, lists
        // and quotes alike, so they always begin a top-level block.
        const topLevelStart = indent === 0 && (FENCE.test(line) || line.startsWith('$$') || ATX_HEADING.test(line));
        if (hasContent && (topLevelStart || (afterBlank && !continues(line, indent, inList, indentedCode)))) cut(pos);
        if (!hasContent) indentedCode = indent >= 4;
        hasContent = true;
        afterBlank = false;
        if (indent <= 3 && LIST_ITEM.test(line) && !THEMATIC_BREAK.test(line)) inList = true;
        mode = opener(line, indent, inList);
        if (mode.kind === 'normal' && indent === 0 && ATX_HEADING.test(line)) cut(next);
        if (mode.kind === 'normal' && indent === 0 && isOneLineMath(line)) cut(next);
        break;
      }
      default:
        assertNever(mode);
    }
    pos = next;
  }
  return cuts;
}

/** After a blank line, may this line still belong to the current block? */
function continues(line: string, indent: number, inList: boolean, indentedCode: boolean): boolean {
  if (inList) return indent >= 2 || (LIST_ITEM.test(line) && !THEMATIC_BREAK.test(line));
  return indentedCode && indent >= 4;
}

function opener(line: string, indent: number, inList: boolean): Mode {
  if (indent === 0 && line.startsWith('$$') && !line.slice(2).includes('$$')) return { kind: 'math' };
  // Deeper fences only exist inside list items; elsewhere they are indented code.
  if (indent > 3 && !inList) return NORMAL;
  const match = FENCE.exec(line);
  if (match === null) return NORMAL;
  const marker = match[2] ?? '';
  const info = match[3] ?? '';
  if (marker.startsWith('`') && info.includes('`')) return NORMAL; // inline code, not a fence
  return { kind: 'fence', char: marker.charAt(0), length: marker.length, topLevel: indent === 0 };
}

function closesFence(line: string, char: string, length: number): boolean {
  const trimmed = line.trim();
  return trimmed.length >= length && trimmed === char.repeat(trimmed.length);
}

function isOneLineMath(line: string): boolean {
  const trimmed = line.trimEnd();
  return trimmed.startsWith('$$') && trimmed.length >= 4 && trimmed.endsWith('$$');
}

/** Columns of leading whitespace, tabs counting as 4 (enough for the rules above). */
function indentWidth(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width += 1;
    else if (ch === '\t') width += 4;
    else break;
  }
  return width;
}
