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
 * stream (50-500 tokens/s) brings a few hundred a frame and never meets it;
 * a burst (a replay, or bytes that piled up) is rendered this much a frame,
 * so each frame's task stays short and typing stays responsive. Chosen by
 * A/B on bench:render's burst (20,000 tokens at once, 5 runs each, typing
 * key → next frame p95 / last byte → all formatted): 12k 33 / 133 ms, 6k
 * 30 / 175 ms, 4k 24-25 / 228-252 ms (typing ≤ 50 ms and formatting ≤ 1 s
 * are the targets; 4k keeps the widest margin on the tighter one).
 */
export const FRAME_CONTENT_CHARS = 4 * 1024;

/** requestAnimationFrame does not fire in a hidden tab, where streams go on: the store is written at least this often (ms). */
export const HIDDEN_TAB_FLUSH_MS = 100;

/**
 * Waits before attaching again to a kept stream whose connection dropped
 * (ms); an attach that brings new events starts the list over. About 15 s in
 * all: a network blip or a proxy restart, not an outage.
 */
export const RESUME_DELAYS_MS: readonly number[] = [250, 500, 1000, 2000, 4000, 8000];
