// Simulated prompt caching. Each cache_control breakpoint names a prefix of
// the prompt (tools, system, messages, in that order). A request writes the
// prefixes it marks (cache_creation_input_tokens) and reads the longest one a
// previous request already wrote (cache_read_input_tokens); the rest is plain
// input_tokens. Entries live 5 minutes (or 1 hour with ttl "1h") and a hit
// refreshes them, as documented. Unlike the real API there is no minimum
// cacheable length, so caching is visible on short demo prompts.
import { getString, type JsonObject } from './json';
import { invalidRequest } from './errors';
import { hashString } from './rng';
import type { Segment } from './input-tokens';
import type { ApiErrorSpec, InputUsage } from './types';

const MAX_BREAKPOINTS = 4;
const MAX_ENTRIES = 5000;
/** How many block boundaries before a breakpoint are checked for an earlier cache entry. */
const LOOKBACK = 20;

type Ttl = '5m' | '1h';

function ttlOf(cc: JsonObject): Ttl {
  return getString(cc, 'ttl') === '1h' ? '1h' : '5m';
}

function ttlMs(ttl: Ttl): number {
  return ttl === '1h' ? 3_600_000 : 300_000;
}

export class PromptCache {
  private readonly entries = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Splits the prompt's tokens into uncached / written / read, updating the cache. */
  apply(model: string, segments: readonly Segment[], topCacheControl: JsonObject | null): InputUsage | ApiErrorSpec {
    const breakpoints: { index: number; ttl: Ttl }[] = [];
    segments.forEach((s, index) => {
      if (s.cacheControl) breakpoints.push({ index, ttl: ttlOf(s.cacheControl) });
    });
    if (topCacheControl && segments.length > 0) {
      const last = segments.length - 1;
      if (!breakpoints.some((b) => b.index === last)) breakpoints.push({ index: last, ttl: ttlOf(topCacheControl) });
    }
    if (breakpoints.length > MAX_BREAKPOINTS) {
      return invalidRequest(`A maximum of ${MAX_BREAKPOINTS} blocks with cache_control may be provided. Found ${breakpoints.length}.`);
    }

    const total = segments.reduce((sum, s) => sum + s.tokens, 0);
    const usage: InputUsage = { inputTokens: total, cacheCreationInputTokens: 0, cacheReadInputTokens: 0, cacheCreation5m: 0, cacheCreation1h: 0 };
    if (breakpoints.length === 0) return usage;

    const prefixKeys: string[] = [];
    const prefixTokens: number[] = [];
    let h1 = hashString(model, 1);
    let h2 = hashString(model, 2);
    let running = 0;
    for (const s of segments) {
      // Two independent 32-bit hashes: a 64-bit key makes accidental hits negligible.
      h1 = hashString(s.key, h1);
      h2 = hashString(s.key, h2 ^ 0x9e3779b9);
      running += s.tokens;
      prefixKeys.push(`${h1.toString(16)}:${h2.toString(16)}`);
      prefixTokens.push(running);
    }

    const now = this.now();
    let readUpTo = -1;
    // As the API documents, a breakpoint also finds entries written at earlier
    // block boundaries (up to LOOKBACK blocks back), so moving the breakpoint
    // to the newest message still reads the conversation cached last turn.
    for (const b of breakpoints) {
      for (let j = b.index; j >= Math.max(0, b.index - LOOKBACK); j--) {
        const key = prefixKeys[j];
        const expiry = key === undefined ? undefined : this.entries.get(key);
        if (expiry !== undefined && expiry > now) {
          readUpTo = Math.max(readUpTo, j);
          break;
        }
      }
    }
    const tokensThrough = (index: number): number => (index < 0 ? 0 : prefixTokens[index] ?? 0);

    usage.cacheReadInputTokens = tokensThrough(readUpTo);
    let covered = readUpTo;
    for (const b of [...breakpoints].sort((x, y) => x.index - y.index)) {
      if (b.index <= covered) continue;
      const written = tokensThrough(b.index) - tokensThrough(covered);
      if (b.ttl === '1h') usage.cacheCreation1h += written;
      else usage.cacheCreation5m += written;
      covered = b.index;
    }
    usage.cacheCreationInputTokens = usage.cacheCreation5m + usage.cacheCreation1h;
    usage.inputTokens = total - usage.cacheReadInputTokens - usage.cacheCreationInputTokens;

    for (const b of breakpoints) {
      const key = prefixKeys[b.index];
      if (key === undefined) continue;
      this.entries.delete(key); // re-insert so Map order tracks recency for eviction
      this.entries.set(key, now + ttlMs(b.ttl));
    }
    while (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
    return usage;
  }
}
