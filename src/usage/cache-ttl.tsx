import { useEffect, useMemo, useState } from 'react';
import { useChatStore, type ChatState } from '../store';
import { cacheStateOf, formatCountdown, uncachedCost, type CacheState } from './cache-state';
import { formatUsd } from './cost';
import { formatCount } from './format';

const cacheStates = new WeakMap<object, Map<string, CacheState | null>>();

/** The visible path's cache state, cached per committed `messages` object (selectors run every frame while streaming). */
export function selectCacheState(state: ChatState): CacheState | null {
  let byPath = cacheStates.get(state.messages);
  if (byPath === undefined) {
    byPath = new Map();
    cacheStates.set(state.messages, byPath);
  }
  const key = state.messageIds.join(',');
  const known = byPath.get(key);
  if (known !== undefined) return known;
  const found = cacheStateOf(state.messageIds.flatMap((id) => state.messages[id] ?? []));
  byPath.set(key, found);
  return found;
}

/** The clock, once a second while `active`. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    // At once (the clock may have stood still while inactive), then every second.
    const first = setTimeout(() => setNow(Date.now()), 0);
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [active]);
  return now;
}

/**
 * How long the conversation's cached prefix stays warm (restarted by each
 * answer that reads it), and once it has expired, what the next message will
 * pay to write it again.
 */
export function CacheTtl() {
  const cache = useChatStore(selectCacheState);
  const busy = useChatStore((s) => s.turnActive);
  const caching = useChatStore((s) => s.settings.promptCaching);
  const now = useNow(cache !== null);
  const rewrite = useMemo(() => (cache === null ? null : uncachedCost(cache.model, cache.tokens + cache.outputTokens, caching)), [cache, caching]);
  if (cache === null || busy) return null;
  const left = cache.expiresAt - now;
  const ttl = cache.ttlMs >= 3_600_000 ? '1-hour' : '5-minute';
  if (left > 0) {
    return (
      <span data-testid="cache-ttl" data-state="warm" data-expires-at={cache.expiresAt} title={`${formatCount(cache.tokens)} tokens of this conversation are in the ${ttl} prompt cache; each answer that reads them restarts the clock.`}>
        Cache warm for <span className="font-mono tabular-nums">{formatCountdown(left)}</span>
      </span>
    );
  }
  const tokens = formatCount(cache.tokens + cache.outputTokens);
  return (
    <span data-testid="cache-ttl" data-state="expired" className="text-amber-800 dark:text-amber-300">
      Cache expired: the next message {caching ? `writes ${tokens} tokens to the cache again` : `reads ${tokens} tokens uncached`}
      {rewrite === null ? '' : ` (${formatUsd(rewrite)})`}
    </span>
  );
}
