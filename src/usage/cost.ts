// Cost of one request from its usage and the price table. Pure.
import type { Usage } from '../protocol';
import { PRICE_TABLE, SERVER_TOOL_PRICES, type ModelPrice, type PriceEntry } from './pricing-table';

export interface CostBreakdown {
  readonly input: number;
  readonly cacheWrite5m: number;
  readonly cacheWrite1h: number;
  readonly cacheRead: number;
  readonly output: number;
  /** Web searches at the per-1,000 price (web fetch has no charge beyond tokens). */
  readonly webSearch: number;
  readonly total: number;
}

export type Cost = { readonly priced: true; readonly breakdown: CostBreakdown } | { readonly priced: false; readonly model: string };

const SNAPSHOT = /-\d{8}$/;

export function findPrice(model: string): PriceEntry | undefined {
  const id = model.replace(SNAPSHOT, '');
  return PRICE_TABLE.find((entry) => entry.ids.includes(id));
}

type PricedUsage = Pick<Usage, 'input_tokens' | 'output_tokens' | 'cache_creation_input_tokens' | 'cache_read_input_tokens'> & {
  readonly cache_creation?: Usage['cache_creation'];
  readonly server_tool_use?: { readonly web_search_requests?: number | null } | null;
};

export function costOf(model: string, usage: PricedUsage): Cost {
  const entry = findPrice(model);
  if (entry === undefined) return { priced: false, model };
  const cacheWrite = usage.cache_creation_input_tokens ?? 0;
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  // The 5m/1h split comes from cache_creation; without it every write is priced at the 5-minute rate.
  const write1h = usage.cache_creation?.ephemeral_1h_input_tokens ?? 0;
  const write5m = usage.cache_creation ? (usage.cache_creation.ephemeral_5m_input_tokens ?? 0) : cacheWrite;
  const promptTokens = usage.input_tokens + cacheWrite + cacheRead;
  const rates: ModelPrice = entry.longPrompt !== undefined && entry.longPromptThreshold !== undefined && promptTokens > entry.longPromptThreshold ? entry.longPrompt : entry;
  const perToken = (tokens: number, perMillion: number) => (tokens * perMillion) / 1_000_000;
  const parts = {
    input: perToken(usage.input_tokens, rates.input),
    cacheWrite5m: perToken(write5m, rates.cacheWrite5m),
    cacheWrite1h: perToken(write1h, rates.cacheWrite1h),
    cacheRead: perToken(cacheRead, rates.cacheRead),
    output: perToken(usage.output_tokens, rates.output),
    webSearch: ((usage.server_tool_use?.web_search_requests ?? 0) * SERVER_TOOL_PRICES.webSearchPerThousand.usd) / 1000,
  };
  return { priced: true, breakdown: { ...parts, total: parts.input + parts.cacheWrite5m + parts.cacheWrite1h + parts.cacheRead + parts.output + parts.webSearch } };
}

/** Sums costs; any unpriced request makes the sum a lower bound, which the caller says. */
export function sumCosts(costs: readonly Cost[]): { readonly total: number; readonly unpriced: number } {
  let total = 0;
  let unpriced = 0;
  for (const cost of costs) {
    if (cost.priced) total += cost.breakdown.total;
    else unpriced += 1;
  }
  return { total, unpriced };
}

export function formatUsd(value: number): string {
  if (value === 0) return '$0';
  if (value < 0.01) return `$${value.toFixed(5)}`;
  return `$${value.toFixed(4)}`;
}
