// Catching up with a stream that outruns rendering. When a render brings
// more text than a screen holds, the blocks it settles far above the end will
// have scrolled out of view before anyone sees them (the view follows the
// end). Formatting them then only delays the blocks the reader does see, and
// the end of the answer. Such blocks start as their plain text and are
// formatted once they come near the view, or in the background once the
// stream has kept pace for a moment, newest first (see markdown.tsx).

/**
 * Blocks followed by at least this much text when first rendered start as
 * plain text: a screen of prose is about 3,000 characters (34 lines of 90 at
 * 900 px). Code whose lines run past the width scrolls sideways instead of
 * wrapping and packs more into a screen; a plain block that lands in view
 * anyway is formatted as soon as it does.
 */
export const FORMAT_WINDOW_CHARS = 4000;

/**
 * How long after its last render that started a block as plain text a
 * stream still holds background work back: rounds come every frame while
 * it catches up, so a pause this long means it has caught up.
 */
export const HOLD_AFTER_PLAIN_MS = 500;

/**
 * Whether each block from `from` on starts as plain text: only for a
 * streamed message, never the last block, and only when the text after it
 * fills the window. O(blocks from `from` on).
 */
export function startsPlain(blocks: readonly string[], from: number, streamed: boolean, windowChars = FORMAT_WINDOW_CHARS): boolean[] {
  const plain: boolean[] = [];
  let after = 0;
  for (let i = blocks.length - 1; i >= from; i--) {
    plain[i - from] = streamed && i < blocks.length - 1 && after >= windowChars;
    after += blocks[i]?.length ?? 0;
  }
  return plain;
}
