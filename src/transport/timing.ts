// Every time and size that bounds the stream head, in one place: from the
// bytes being parsed to the store being written once per frame.

/** A stream that receives nothing (not even a ping) for this long is given up as stalled (ms). */
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;

/**
 * Characters of event data after which the stream service hands a batch on
 * without waiting for the end of its task: a large read then reaches the page
 * in pieces it can render between frames.
 */
export const BATCH_CHARS = 16 * 1024;

/**
 * Characters of content the page applies to the store in one frame. A real
 * stream (50-500 tokens/s) brings a few hundred a frame; a burst (a replay,
 * or bytes that piled up) is rendered a screenful per frame, the end first
 * reaching the screen within a few frames, and input stays responsive.
 */
export const FRAME_CONTENT_CHARS = 12 * 1024;

/** requestAnimationFrame does not fire in a hidden tab, where streams go on: the store is written at least this often (ms). */
export const HIDDEN_TAB_FLUSH_MS = 100;
