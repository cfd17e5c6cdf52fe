// Where the user changes something the cached prompt prefix depends on
// (model, system prompt, tools, tool choice, thinking; or an earlier
// message), how many cached tokens the change throws away and what it adds
// to the next message. Settings apply as they are typed, so the note reads
// "this change throws away" at once, while undoing it still keeps the cache.
import { useMemo } from 'react';
import { useChatStore } from '../store';
import { extraCostOfLosing, formatCount, formatCountdown, formatUsd, keptPrefixBefore, selectCacheState, useNow } from '../usage';
import { promptKeyOf, requestOptionsFor } from './next-request';

export type CacheLossPlace =
  /** Settings: says what is at stake before any change, then what the change throws away. */
  | 'settings'
  /** Under the composer: only once a change (from the header's model menu, say) has thrown the cache away. */
  | 'composer'
  /** Editing the message at this index of the visible path. */
  | { readonly editIndex: number };

export function CacheLossNote({ where }: { readonly where: CacheLossPlace }) {
  const cache = useChatStore(selectCacheState);
  const settings = useChatStore((s) => s.settings);
  const messageIds = useChatStore((s) => s.messageIds);
  const messages = useChatStore((s) => s.messages);
  const now = useNow(cache !== null);
  const key = useMemo(() => promptKeyOf(requestOptionsFor(settings)), [settings]);
  const transcript = useMemo(() => messageIds.flatMap((id) => messages[id] ?? []), [messageIds, messages]);
  if (cache === null || cache.expiresAt <= now || !settings.promptCaching) return null;
  const changed = cache.promptKey !== null && cache.promptKey !== key;
  const kept = typeof where === 'object' && !changed ? Math.min(cache.tokens, keptPrefixBefore(transcript, where.editIndex)) : 0;
  const lost = cache.tokens - kept;
  const extra = extraCostOfLosing(cache.model, lost, settings.promptCaching);
  const cost = extra === null ? '' : `, adding about ${formatUsd(extra)} to the next message (written to the cache again instead of read)`;
  const className = 'text-xs text-amber-800 dark:text-amber-300';
  if (changed) {
    return (
      <p data-testid="cache-loss" data-state="invalidated" data-tokens={lost} role="status" className={className}>
        This change throws away the {formatCount(lost)} cached tokens of this conversation{cost}. Undo it before sending to keep them.
      </p>
    );
  }
  if (typeof where === 'object') {
    if (lost <= 0) return null;
    return (
      <p data-testid="cache-loss" data-state="edit" data-tokens={lost} className={className}>
        Sending this edit throws away {formatCount(lost)} cached tokens (everything after the earlier messages){cost}.
      </p>
    );
  }
  if (where === 'composer') return null;
  return (
    <p data-testid="cache-loss" data-state="warm" data-tokens={lost} className="text-xs text-stone-600 dark:text-stone-400">
      {formatCount(lost)} tokens of this conversation are cached (warm for {formatCountdown(cache.expiresAt - now)}). Changing the model, system prompt, tools, tool choice or thinking throws them away{cost}.
    </p>
  );
}
