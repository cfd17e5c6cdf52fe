// The proxy's size and time limits, each optional with a default, so the
// original createProxyMiddleware options keep working unchanged.
import { DEFAULT_UPSTREAM_TIMEOUT_MS } from './forward';
import { DEFAULT_BODY_TIMEOUT_MS, MAX_BODY_BYTES } from './read-body';

/** Node's fetch gives up on response headers after 300 s on its own, so a longer wait could never happen. */
export const DEFAULT_UPSTREAM_NONSTREAMING_TIMEOUT_MS = 300_000;

export interface ProxyLimits {
  /** Largest request body; default 32 MB, the API's own limit. */
  readonly maxBodyBytes?: number;
  /** The whole request body must arrive within this; default 30 s (PROXY_BODY_TIMEOUT_MS). */
  readonly bodyTimeoutMs?: number;
  /** Connect + response headers for streams, count_tokens and models; default 60 s (PROXY_UPSTREAM_TIMEOUT_MS). */
  readonly upstreamTimeoutMs?: number;
  /** Connect + response headers for non-streaming Messages, whose headers come with the whole answer; default 300 s. */
  readonly upstreamNonStreamingTimeoutMs?: number;
}

export type ResolvedLimits = Required<ProxyLimits>;

export function requestLimits(limits: ProxyLimits): ResolvedLimits {
  return {
    maxBodyBytes: positiveOr(limits.maxBodyBytes, MAX_BODY_BYTES),
    bodyTimeoutMs: positiveOr(limits.bodyTimeoutMs, DEFAULT_BODY_TIMEOUT_MS),
    upstreamTimeoutMs: positiveOr(limits.upstreamTimeoutMs, DEFAULT_UPSTREAM_TIMEOUT_MS),
    upstreamNonStreamingTimeoutMs: positiveOr(limits.upstreamNonStreamingTimeoutMs, DEFAULT_UPSTREAM_NONSTREAMING_TIMEOUT_MS),
  };
}

/** setTimeout fires at once for delays above this, which would turn a long limit into none. */
const MAX_TIMER_MS = 2_147_483_647;

/** A zero, negative or non-finite limit would disable the protection; fall back to the default instead. */
function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.min(value, MAX_TIMER_MS) : fallback;
}
