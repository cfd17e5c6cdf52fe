// Prices in USD per million tokens, per model. The one place to update when
// Anthropic changes its prices. Checked 2026-11-30 against:
// [P] platform.claude.com/docs/en/about-claude/pricing ("Model pricing" table)
// [M] the model overview pages on platform.claude.com (Sonnet 5, Sonnet 5.5, Opus 5, Opus 5.5 lineup)
// [C] the 2026-10-07 cache-read cut for Sonnet 5.5 and the Opus 5.5 / Haiku 5.5
//     cache rates, as reported by several pricing trackers (not read on an
//     official page here: verify before relying on cache costs for those three)
// [L] platform.claude.com/docs/en/about-claude/pricing, "Long context pricing": Sonnet 4.5 and Sonnet 4
//     with the 1M window bill every token of a request whose prompt (input + cache writes + cache
//     reads) exceeds 200K at $6 input / $22.50 output per MTok, cache rates scaling with the input
//     rate (1.25x, 2x, 0.1x); Opus 4.6 and Sonnet 4.6 and later serve the whole 1M window at their
//     standard rates (no boundary).
// A model missing here shows "no price" rather than a guess.

export interface ModelPrice {
  readonly input: number;
  readonly cacheWrite5m: number;
  readonly cacheWrite1h: number;
  readonly cacheRead: number;
  readonly output: number;
}

export interface PriceEntry extends ModelPrice {
  /** Model ids and dated snapshot ids this row applies to (prefix match on `<id>-YYYYMMDD`). */
  readonly ids: readonly string[];
  readonly source: string;
  /** The long-context price boundary: prompts above this many tokens (input + cache reads + cache writes) pay `longPrompt` on every token. */
  readonly longPromptThreshold?: number;
  readonly longPrompt?: ModelPrice;
}

const price = (input: number, cacheWrite5m: number, cacheWrite1h: number, cacheRead: number, output: number): ModelPrice => ({
  input,
  cacheWrite5m,
  cacheWrite1h,
  cacheRead,
  output,
});

export const PRICES_CHECKED_ON = '2026-11-30';

export const PRICE_TABLE: readonly PriceEntry[] = [
  { ids: ['claude-fable-5-1', 'claude-mythos-5-1'], source: '[P]', ...price(10, 12.5, 20, 0.25, 50) },
  { ids: ['claude-fable-5', 'claude-mythos-5'], source: '[P]', ...price(10, 12.5, 20, 1, 50) },
  { ids: ['claude-opus-5-5'], source: '[M] base, [C] cache', ...price(4, 5, 8, 0.2, 20) },
  { ids: ['claude-opus-5', 'claude-opus-4-8', 'claude-opus-4-7', 'claude-opus-4-6', 'claude-opus-4-5'], source: '[P]', ...price(5, 6.25, 10, 0.5, 25) },
  { ids: ['claude-opus-4-1', 'claude-opus-4-0', 'claude-opus-4'], source: '[P]', ...price(15, 18.75, 30, 1.5, 75) },
  { ids: ['claude-sonnet-5-5'], source: '[M] base, [C] cache read', ...price(2, 2.5, 4, 0.1, 10) },
  { ids: ['claude-sonnet-5'], source: '[M]', ...price(2, 2.5, 4, 0.2, 10) },
  { ids: ['claude-sonnet-4-6'], source: '[P]', ...price(3, 3.75, 6, 0.3, 15) },
  {
    ids: ['claude-sonnet-4-5', 'claude-sonnet-4-0', 'claude-sonnet-4'],
    source: '[P], [L] long prompts',
    ...price(3, 3.75, 6, 0.3, 15),
    longPromptThreshold: 200_000,
    longPrompt: price(6, 7.5, 12, 0.6, 22.5),
  },
  {
    ids: ['claude-haiku-5-5'],
    source: '[M] base, [C] cache and long prompts',
    ...price(0.1, 0.125, 0.2, 0.01, 0.5),
    longPromptThreshold: 100_000,
    longPrompt: price(0.5, 0.625, 1, 0.05, 2.5),
  },
  { ids: ['claude-haiku-4-5'], source: '[M]', ...price(1, 1.25, 2, 0.1, 5) },
];

/**
 * Server tool prices, in USD, beside the token prices above (tool results also
 * add input tokens, priced at the model's rates). Checked 2026-12-07 against:
 * [S] platform.claude.com/docs/en/agents-and-tools/tool-use/web-search-tool ("Usage and pricing":
 *     $10 per 1,000 searches plus tokens; a search that errors is not billed)
 * [F] platform.claude.com/docs/en/agents-and-tools/tool-use/web-fetch-tool ("no additional charges"
 *     beyond the tokens of the fetched content)
 * [X] platform.claude.com/docs/en/agents-and-tools/tool-use/code-execution-tool and
 *     platform.claude.com/docs/en/about-claude/pricing: billed per container-hour after a monthly
 *     free allowance per organization, and free when web_search_20260209 or web_fetch_20260209 is
 *     in the same request. The hourly rate and the free hours (1,550 h) are as those pages gave them
 *     when last read; this session's stored copies did not include the figures, so verify them.
 *     The API reports no container time per request, so no per-answer cost is computed for it.
 */
export const SERVER_TOOL_PRICES = {
  checkedOn: '2026-12-07',
  webSearchPerThousand: { usd: 10, source: '[S]' },
  webFetchPerRequest: { usd: 0, source: '[F]' },
  codeExecutionPerContainerHour: { usd: 0.05, freeHoursPerMonth: 1550, source: '[X]' },
} as const;
