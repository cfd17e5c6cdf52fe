// What a conversation has in the prompt cache, and what losing it costs. Pure.
//
// Cache lifetimes, from platform.claude.com/docs/en/build-with-claude/prompt-caching
// ("Cache lifetime" and "1-hour cache duration"; PROTOCOL.md §7): an entry lives 5 minutes, or
// 1 hour when written with `ttl: "1h"`, and each read refreshes it at no cost. Its clock is
// taken from when the request was sent (the message's createdAt): slightly before the
// entry was written, so the countdown errs on the side of "expired".
import type { ChatMessage } from '../store';
import { costOf } from './cost';

export const CACHE_TTL_5M_MS = 5 * 60_000;
export const CACHE_TTL_1H_MS = 60 * 60_000;

export interface CacheState {
  /** The answer whose request last wrote or read the cache. */
  readonly messageId: string;
  readonly model: string;
  /** Tokens in the cached prefix after that request: what it read plus what it wrote. */
  readonly tokens: number;
  /** The answer's own output, which the next request reads as fresh input. */
  readonly outputTokens: number;
  readonly ttlMs: number;
  /** Epoch ms. */
  readonly expiresAt: number;
  readonly promptKey: string | null;
}

export function cacheStateOf(transcript: readonly ChatMessage[]): CacheState | null {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const message = transcript[i];
    if (message?.role !== 'assistant') continue;
    const usage = message.stream.header?.usage;
    if (usage === undefined) continue;
    const read = usage.cache_read_input_tokens ?? 0;
    const written = usage.cache_creation_input_tokens ?? 0;
    if (read + written === 0) continue;
    const ttlMs = (usage.cache_creation?.ephemeral_1h_input_tokens ?? 0) > 0 ? CACHE_TTL_1H_MS : CACHE_TTL_5M_MS;
    return {
      messageId: message.id,
      model: message.stream.header?.model ?? message.requestedModel,
      tokens: read + written,
      outputTokens: usage.output_tokens,
      ttlMs,
      expiresAt: message.createdAt + ttlMs,
      promptKey: message.promptKey ?? null,
    };
  }
  return null;
}

/** The cost of sending `tokens` of prompt with no cache hit: written to the cache again when caching is on, plain input otherwise. Null when the model has no price. */
export function uncachedCost(model: string, tokens: number, caching: boolean): number | null {
  const cost = costOf(model, { input_tokens: caching ? 0 : tokens, output_tokens: 0, cache_creation_input_tokens: caching ? tokens : 0, cache_read_input_tokens: 0 });
  return cost.priced ? cost.breakdown.total : null;
}

/** What losing `tokens` of cached prefix adds to the next message: paying for them uncached instead of reading them. */
export function extraCostOfLosing(model: string, tokens: number, caching: boolean): number | null {
  const read = costOf(model, { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: tokens });
  const again = uncachedCost(model, tokens, caching);
  return again === null || !read.priced ? null : again - read.breakdown.total;
}

/** Cached tokens that stay valid when the conversation is cut back to before `index` (an edit of that message): the prefix the last answer before it had. */
export function keptPrefixBefore(transcript: readonly ChatMessage[], index: number): number {
  for (let i = Math.min(index, transcript.length) - 1; i >= 0; i--) {
    const message = transcript[i];
    if (message?.role !== 'assistant') continue;
    const usage = message.stream.header?.usage;
    if (usage === undefined) continue;
    return usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
  }
  return 0;
}

/** "4:59", "59:59": minutes and seconds left, rounded up so it reads 0:00 only when expired. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
