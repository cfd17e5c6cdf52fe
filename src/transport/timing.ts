// Every time and size that bounds the stream head, in one place: from the
// bytes being parsed to the store being written once per frame.

/**
 * A stream that receives nothing (not even a ping) for this long is given up
 * as stalled (ms), unless the request says otherwise (the app passes the
 * user's setting, whose default in src/settings is the same 30 s).
 */
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;

/** A replay never stalls: its gaps are the recorded ones (the longest timer a browser keeps, ms). */
export const REPLAY_STALL_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * How often the stall watch looks at the clock: a quarter of the timeout,
 * within these bounds (ms). Per event it only sets a flag, so a stall is
 * noticed between the timeout and the timeout plus one look.
 */
export const STALL_CHECK_MS = { min: 10, max: 1000 } as const;

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

/**
 * Retrying a request that failed before its stream started (rate limit,
 * overload, server error): exponential from the base to the cap (ms), with
 * jitter; a server asking for a longer wait than the last (s) is not waited for.
 */
export const RETRY_BASE_DELAY_MS = 1000;
export const RETRY_MAX_DELAY_MS = 30_000;
export const RETRY_MAX_RETRY_AFTER_S = 60;
