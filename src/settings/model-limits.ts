// How much a model reads and writes: its context window (prompt plus output)
// and its maximum output, which is also the app's default max tokens. Pure.
//
// Sources, beside each row below:
// [API] GET /v1/models: `max_input_tokens` (the context window) and `max_tokens` (the maximum
//       output) on every model (PROTOCOL.md §14). The app prefers these when the list reports them.
// [O]   platform.claude.com/docs/en/about-claude/models/overview, "Context window" and "Max output"
//       rows: 1M tokens for Opus 4.6 and later, Sonnet 4 and later (1M on Sonnet 4 / 4.5 since the
//       long-context release, priced above 200K: see the price table); 200K for Opus 4.5, Haiku 4.5
//       and older; max output 128K on Opus 4.6 and later and on the 5.x Sonnet, Fable and Mythos lines,
//       64K on Sonnet 4.x, Haiku 4.5 / 5.5 and Opus 4.5.
// A model missing here falls back to the most conservative current figures (200K / 64K).

export interface ModelLimits {
  /** Tokens of prompt plus output the model can hold. */
  readonly contextWindow: number;
  /** The largest `max_tokens` the model accepts. */
  readonly maxOutput: number;
  readonly source: string;
}

interface LimitRow extends ModelLimits {
  /** Model ids (a dated snapshot `<id>-YYYYMMDD` matches its id). */
  readonly ids: readonly string[];
}

const K = 1000;
const M = 1_000_000;

export const MODEL_LIMITS: readonly LimitRow[] = [
  { ids: ['claude-fable-5-2', 'claude-mythos-5-2', 'claude-fable-5-1', 'claude-mythos-5-1', 'claude-fable-5', 'claude-mythos-5', 'claude-mythos-preview'], contextWindow: M, maxOutput: 128 * K, source: '[O]' },
  { ids: ['claude-opus-5-5', 'claude-opus-5', 'claude-opus-4-8', 'claude-opus-4-7', 'claude-opus-4-6'], contextWindow: M, maxOutput: 128 * K, source: '[O]' },
  { ids: ['claude-sonnet-5-5', 'claude-sonnet-5'], contextWindow: M, maxOutput: 128 * K, source: '[O]' },
  { ids: ['claude-haiku-5-5'], contextWindow: M, maxOutput: 64 * K, source: '[O]' },
  { ids: ['claude-sonnet-4-6', 'claude-sonnet-4-5', 'claude-sonnet-4-0', 'claude-sonnet-4'], contextWindow: M, maxOutput: 64 * K, source: '[O]' },
  { ids: ['claude-opus-4-5', 'claude-haiku-4-5'], contextWindow: 200 * K, maxOutput: 64 * K, source: '[O]' },
  { ids: ['claude-opus-4-1', 'claude-opus-4-0', 'claude-opus-4'], contextWindow: 200 * K, maxOutput: 32 * K, source: '[O]' },
];

const FALLBACK: ModelLimits = { contextWindow: 200 * K, maxOutput: 64 * K, source: 'fallback: the smallest current figures' };

const SNAPSHOT = /-\d{8}$/;

/** What the models list reported for a model, when it did. */
export interface ReportedLimits {
  readonly maxInputTokens?: number;
  readonly maxTokens?: number;
}

export function modelLimits(model: string, reported: ReportedLimits = {}): ModelLimits {
  const id = model.replace(SNAPSHOT, '');
  const row = MODEL_LIMITS.find((r) => r.ids.includes(id)) ?? FALLBACK;
  const window = positive(reported.maxInputTokens);
  const output = positive(reported.maxTokens);
  if (window === null && output === null) return { contextWindow: row.contextWindow, maxOutput: row.maxOutput, source: row.source };
  return { contextWindow: window ?? row.contextWindow, maxOutput: output ?? row.maxOutput, source: '[API]' };
}

/**
 * Max tokens for a new conversation, and after switching models: the model's
 * whole documented output. A lower cap only cuts answers off (the empty
 * state's `/sim long 20000 fast` ran into the old 4,096); what is billed is
 * the output actually generated, and the forecast shows the worst case.
 */
export function defaultMaxTokens(model: string, reported: ReportedLimits = {}): number {
  return modelLimits(model, reported).maxOutput;
}

/**
 * Max tokens after switching from `from` to `to`: a value left at the old
 * model's default follows the new model's; one the user chose stays, unless
 * the new model cannot produce that much.
 */
export function maxTokensAfterModelChange(current: number, from: string, to: string, reportedFrom: ReportedLimits = {}, reportedTo: ReportedLimits = {}): number {
  const next = modelLimits(to, reportedTo).maxOutput;
  if (current === defaultMaxTokens(from, reportedFrom) || current === LEGACY_DEFAULT_MAX_TOKENS) return next;
  return Math.min(current, next);
}

/** The fixed default before max tokens followed the model; conversations saved with it follow the model too. */
export const LEGACY_DEFAULT_MAX_TOKENS = 4096;

function positive(value: number | undefined): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}
