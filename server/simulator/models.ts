// The simulated model catalogue and the documented per-model differences.
// Ids follow the official SDK's `Model` union (1.12.0). Rules (PROTOCOL.md §0,
// §8, §12 and issue 4):
// - Claude 4.6 and later: no assistant-message prefill; adaptive thinking allowed.
// - Models released after Opus 4.6 (generation > 4.6): a non-default
//   `temperature` is rejected. We rank by generation, not by calendar date.
// - Thinking `display` defaults to "omitted" from generation 4.7 on, and to
//   "summarized" before (assumption recorded here, not in the fixtures).
// - Manual thinking ({type: "enabled", budget_tokens}) is rejected from
//   generation 4.7 on: adaptive only. The SDK 1.12 hints at this by warning
//   about "enabled" only for Opus 4.6 and Mythos Preview, the last models
//   that still take it.
// - Sonnet 4.5 is deprecated (retires 2026-11-30, per the SDK's table).
import type { ModelInfo } from '@anthropic-ai/sdk/resources/models';
import type { ThinkingDisplay } from './types';

export type ModelLine = 'haiku' | 'sonnet' | 'opus' | 'fable' | 'mythos';

export interface ModelSpec {
  id: string;
  aliases: readonly string[];
  displayName: string;
  line: ModelLine;
  /** Comparable generation number: 4.5, 4.6, 4.7, 5, 5.1 ... */
  generation: number;
  createdAt: string;
  maxInputTokens: number;
  maxOutputTokens: number;
  deprecatedAt: string | null;
  retiresAt: string | null;
}

function spec(
  id: string,
  displayName: string,
  line: ModelLine,
  generation: number,
  createdAt: string,
  maxOutputTokens: number,
  aliases: readonly string[] = [],
  maxInputTokens = 1_000_000,
): ModelSpec {
  return { id, aliases, displayName, line, generation, createdAt, maxInputTokens, maxOutputTokens, deprecatedAt: null, retiresAt: null };
}

/** Newest first, as GET /v1/models lists them. */
export const MODELS: readonly ModelSpec[] = [
  spec('claude-fable-5-2', 'Claude Fable 5.2', 'fable', 5.2, '2026-11-12T00:00:00Z', 128_000),
  spec('claude-mythos-5-2', 'Claude Mythos 5.2', 'mythos', 5.2, '2026-11-12T00:00:00Z', 128_000),
  spec('claude-haiku-5-5', 'Claude Haiku 5.5', 'haiku', 5.5, '2026-10-28T00:00:00Z', 64_000),
  spec('claude-sonnet-5-5', 'Claude Sonnet 5.5', 'sonnet', 5.5, '2026-10-21T00:00:00Z', 128_000),
  spec('claude-fable-5-1', 'Claude Fable 5.1', 'fable', 5.1, '2026-10-07T00:00:00Z', 128_000),
  spec('claude-opus-5-5', 'Claude Opus 5.5', 'opus', 5.5, '2026-09-30T00:00:00Z', 128_000),
  spec('claude-mythos-5-1', 'Claude Mythos 5.1', 'mythos', 5.1, '2026-09-16T00:00:00Z', 128_000),
  spec('claude-sonnet-5', 'Claude Sonnet 5', 'sonnet', 5, '2026-08-26T00:00:00Z', 128_000),
  spec('claude-fable-5', 'Claude Fable 5', 'fable', 5, '2026-08-05T00:00:00Z', 128_000),
  spec('claude-mythos-5', 'Claude Mythos 5', 'mythos', 5, '2026-07-22T00:00:00Z', 128_000),
  spec('claude-opus-5', 'Claude Opus 5', 'opus', 5, '2026-07-08T00:00:00Z', 128_000),
  spec('claude-opus-4-8', 'Claude Opus 4.8', 'opus', 4.8, '2026-06-10T00:00:00Z', 128_000),
  spec('claude-opus-4-7', 'Claude Opus 4.7', 'opus', 4.7, '2026-04-16T00:00:00Z', 128_000),
  spec('claude-mythos-preview', 'Claude Mythos Preview', 'mythos', 4.65, '2026-04-07T00:00:00Z', 128_000),
  spec('claude-sonnet-4-6', 'Claude Sonnet 4.6', 'sonnet', 4.6, '2026-02-17T00:00:00Z', 64_000),
  spec('claude-opus-4-6', 'Claude Opus 4.6', 'opus', 4.6, '2026-02-04T00:00:00Z', 128_000),
  spec('claude-opus-4-5-20251101', 'Claude Opus 4.5', 'opus', 4.5, '2025-11-24T00:00:00Z', 64_000, ['claude-opus-4-5'], 200_000),
  spec('claude-haiku-4-5-20251001', 'Claude Haiku 4.5', 'haiku', 4.5, '2025-10-15T00:00:00Z', 64_000, ['claude-haiku-4-5'], 200_000),
  {
    ...spec('claude-sonnet-4-5-20250929', 'Claude Sonnet 4.5', 'sonnet', 4.5, '2025-09-29T00:00:00Z', 64_000, ['claude-sonnet-4-5']),
    deprecatedAt: '2026-08-31T00:00:00Z',
    retiresAt: '2026-11-30T00:00:00Z',
  },
];

export function findModel(id: string): ModelSpec | undefined {
  return MODELS.find((m) => m.id === id || m.aliases.includes(id));
}

export function supportsPrefill(model: ModelSpec): boolean {
  return model.generation < 4.6;
}

export function supportsAdaptiveThinking(model: ModelSpec): boolean {
  return model.generation >= 4.6;
}

export function supportsManualThinking(model: ModelSpec): boolean {
  return model.generation < 4.7;
}

export function rejectsCustomTemperature(model: ModelSpec): boolean {
  return model.generation > 4.6;
}

export function defaultThinkingDisplay(model: ModelSpec): ThinkingDisplay {
  return model.generation >= 4.7 ? 'omitted' : 'summarized';
}

const YES = { supported: true } as const;
const NO = { supported: false } as const;

export function modelInfo(m: ModelSpec): ModelInfo {
  const modern = m.generation >= 4.6;
  // Key order follows PROTOCOL.md §14 (type, id, display_name, created_at, ...).
  return {
    type: 'model',
    id: m.id,
    display_name: m.displayName,
    created_at: m.createdAt,
    max_input_tokens: m.maxInputTokens,
    max_tokens: m.maxOutputTokens,
    capabilities: {
      batch: YES,
      citations: YES,
      code_execution: YES,
      context_management: {
        clear_thinking_20251015: YES,
        clear_tool_uses_20250919: YES,
        compact_20260112: modern ? YES : NO,
        supported: true,
      },
      effort: { high: YES, low: YES, max: YES, medium: YES, supported: true, xhigh: modern ? YES : NO },
      image_input: YES,
      pdf_input: YES,
      server_tools: { code_execution: YES, supported: true, web_search: YES },
      structured_outputs: YES,
      thinking: {
        supported: true,
        types: { adaptive: modern ? YES : NO, between_tools: modern ? YES : NO, disabled: YES, enabled: supportsManualThinking(m) ? YES : NO },
      },
    },
    line: m.line,
    lifecycle: m.retiresAt === null ? 'active' : 'deprecated',
    deprecated_at: m.retiresAt === null ? null : m.deprecatedAt,
    retires_at: m.retiresAt,
  };
}

export interface ModelPage {
  data: ModelInfo[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

export type PageResult = { ok: true; page: ModelPage } | { ok: false; message: string };

/** Cursor pagination as the API does it: after_id moves forward, before_id back. */
export function listModels(query: URLSearchParams): PageResult {
  const limitText = query.get('limit');
  const limit = limitText === null ? 20 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    return { ok: false, message: 'limit: Input should be an integer between 1 and 1000' };
  }
  const afterId = query.get('after_id');
  const beforeId = query.get('before_id');
  const all = MODELS;
  let start = 0;
  let end = all.length;
  if (afterId !== null) {
    const i = all.findIndex((m) => m.id === afterId);
    start = i < 0 ? all.length : i + 1;
  }
  if (beforeId !== null) {
    const i = all.findIndex((m) => m.id === beforeId);
    end = i < 0 ? 0 : i;
  }
  let slice: readonly ModelSpec[];
  let hasMore: boolean;
  if (beforeId !== null && afterId === null) {
    // Paging backwards: the page is the `limit` items just before the cursor.
    const from = Math.max(start, end - limit);
    slice = all.slice(from, end);
    hasMore = from > start;
  } else {
    slice = all.slice(start, Math.min(end, start + limit));
    hasMore = start + limit < end;
  }
  const data = slice.map(modelInfo);
  return {
    ok: true,
    page: { data, has_more: hasMore, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null },
  };
}
