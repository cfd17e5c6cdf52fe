import { useChatStore, type ChatState } from '../store';
import { formatUsd } from './cost';
import { totalsOf, type UsageTotals } from './turn-usage';

// Cached per committed `messages` object: the selector runs on every frame while streaming.
const cache = new WeakMap<object, UsageTotals>();

function conversationTotals(state: ChatState): UsageTotals {
  const cached = cache.get(state.messages);
  if (cached !== undefined) return cached;
  const totals = totalsOf(state.messageIds.flatMap((id) => state.messages[id] ?? []));
  cache.set(state.messages, totals);
  return totals;
}

/** The conversation's total cost, summed over every request. */
export function ConversationCost() {
  const totals = useChatStore(conversationTotals);
  if (totals.requests === 0) return null;
  const label = `${totals.unpriced > 0 ? '≥ ' : ''}${formatUsd(totals.cost)}`;
  return (
    <span data-testid="conversation-cost" title={`${totals.requests} requests · ${totals.inputTokens.toLocaleString('en-US')} input and ${totals.outputTokens.toLocaleString('en-US')} output tokens${totals.unpriced > 0 ? ` · ${totals.unpriced} without a price` : ''}`} className="text-xs tabular-nums text-stone-600 dark:text-stone-400">
      Conversation: {label}
    </span>
  );
}
