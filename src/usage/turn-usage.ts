// Usage summed over the requests of one turn (an agent loop) or a whole
// conversation. Pure.
import type { ChatMessage } from '../store';
import { costOf, sumCosts } from './cost';

export interface UsageTotals {
  readonly requests: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cacheWriteTokens: number;
  readonly cacheReadTokens: number;
  readonly cost: number;
  /** Requests whose model has no price: the cost is then a lower bound. */
  readonly unpriced: number;
}

export function totalsOf(messages: readonly ChatMessage[]): UsageTotals {
  let inputTokens = 0;
  let outputTokens = 0;
  let cacheWriteTokens = 0;
  let cacheReadTokens = 0;
  let requests = 0;
  const costs = [];
  for (const message of messages) {
    if (message.role !== 'assistant' || message.stream.header === null) continue;
    const usage = message.stream.header.usage;
    requests += 1;
    inputTokens += usage.input_tokens;
    outputTokens += usage.output_tokens;
    cacheWriteTokens += usage.cache_creation_input_tokens ?? 0;
    cacheReadTokens += usage.cache_read_input_tokens ?? 0;
    costs.push(costOf(message.stream.header.model, usage));
  }
  const { total, unpriced } = sumCosts(costs);
  return { requests, inputTokens, outputTokens, cacheWriteTokens, cacheReadTokens, cost: total, unpriced };
}

/** The messages of the turn that ends with `messageId`: back to (not including) the user's message. */
export function turnOf(transcript: readonly ChatMessage[], messageId: string): ChatMessage[] {
  const end = transcript.findIndex((m) => m.id === messageId);
  if (end < 0) return [];
  let start = end;
  while (start > 0 && transcript[start - 1]?.role !== 'user') start -= 1;
  return transcript.slice(start, end + 1);
}
