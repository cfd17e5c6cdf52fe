// When to retry a request that failed before its stream started. Pure.
// Rate limits, server errors and overload are transient: retry with
// exponential backoff and jitter, honouring retry-after, a few times.
// Everything else (bad request, key, model, size) would fail the same way.
import type { StreamError } from '../protocol';
import { RETRY_BASE_DELAY_MS, RETRY_MAX_DELAY_MS, RETRY_MAX_RETRY_AFTER_S } from './timing';

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 409, 429, 500, 502, 503, 504, 529]);
export const MAX_RETRIES = 3;

export type RetryDecision = { readonly retry: true; readonly delayMs: number } | { readonly retry: false };

/** `attempt` counts retries already made (0 before the first retry); `random` is in [0, 1). */
export function retryDecision(error: StreamError, attempt: number, random: number): RetryDecision {
  if (error.kind !== 'api' || error.status === null || !RETRYABLE_STATUSES.has(error.status)) return { retry: false };
  if (attempt >= MAX_RETRIES) return { retry: false };
  if (error.retryAfterSeconds !== null) {
    if (error.retryAfterSeconds > RETRY_MAX_RETRY_AFTER_S) return { retry: false };
    return { retry: true, delayMs: Math.max(0, error.retryAfterSeconds * 1000) };
  }
  const exponential = Math.min(RETRY_MAX_DELAY_MS, RETRY_BASE_DELAY_MS * 2 ** attempt);
  // Up to 25% jitter, so many clients do not retry in step.
  return { retry: true, delayMs: Math.round(exponential * (1 - 0.25 * random)) };
}
