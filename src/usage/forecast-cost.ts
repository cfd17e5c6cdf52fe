// What the next message will cost, from count_tokens' exact prompt size and
// the conversation's cache state. Pure.
import type { CacheState } from './cache-state';
import { costOf, findPrice } from './cost';

export interface ForecastFigures {
  readonly inputTokens: number;
  /** The part of the prompt expected to be read from the cache. */
  readonly cachedTokens: number;
  /** The prompt's cost (null: the model has no price). */
  readonly cost: number | null;
  /** The prompt plus an answer that runs to max tokens. */
  readonly maxCost: number | null;
  /** The long-context price boundary this prompt crosses, with the rates it then pays; null when it does not. */
  readonly longContext: { readonly threshold: number; readonly input: number; readonly output: number } | null;
}

export interface ForecastInput {
  readonly model: string;
  readonly inputTokens: number;
  readonly maxTokens: number;
  readonly caching: boolean;
  readonly cache: CacheState | null;
  /** The next request's prompt key (see promptKeyOf): a cache written under another key is not read. */
  readonly promptKey: string;
  /** Epoch ms. */
  readonly now: number;
}

/**
 * A request with caching on reads the prefix still warm from the last answer
 * and writes the rest (its breakpoint is on its last block); with caching off
 * it reads nothing and every token is plain input.
 */
export function forecastFigures(f: ForecastInput): ForecastFigures {
  const warm = f.cache !== null && f.cache.expiresAt > f.now && (f.cache.promptKey === null || f.cache.promptKey === f.promptKey);
  const cachedTokens = f.caching && warm && f.cache !== null ? Math.min(f.cache.tokens, f.inputTokens) : 0;
  const fresh = f.inputTokens - cachedTokens;
  const usage = (output: number) => ({ input_tokens: f.caching ? 0 : fresh, cache_creation_input_tokens: f.caching ? fresh : 0, cache_read_input_tokens: cachedTokens, output_tokens: output });
  const cost = costOf(f.model, usage(0));
  const maxCost = costOf(f.model, usage(f.maxTokens));
  const entry = findPrice(f.model);
  const crosses = entry?.longPromptThreshold !== undefined && entry.longPrompt !== undefined && f.inputTokens > entry.longPromptThreshold;
  return {
    inputTokens: f.inputTokens,
    cachedTokens,
    cost: cost.priced ? cost.breakdown.total : null,
    maxCost: maxCost.priced ? maxCost.breakdown.total : null,
    longContext: crosses && entry?.longPrompt !== undefined && entry.longPromptThreshold !== undefined ? { threshold: entry.longPromptThreshold, input: entry.longPrompt.input, output: entry.longPrompt.output } : null,
  };
}
