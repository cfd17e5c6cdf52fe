// The simulator's core pipeline, free of HTTP: body text in, a rendered turn
// (or an API error) out. The only state it touches is the prompt cache.
import type { PromptCache } from './cache';
import { parseDirective } from './directives';
import { countInputTokens, inputSegments } from './input-tokens';
import { hashString, makeId, Rng } from './rng';
import { renderTurn, type Rendered } from './render';
import { planTurn } from './scenarios';
import type { ApiErrorSpec, ApiVersion, ParsedRequest } from './types';
import { validateRequest } from './validate';

export type MessagesResult =
  | { kind: 'error'; error: ApiErrorSpec }
  | {
      kind: 'ok';
      request: ParsedRequest;
      fast: boolean;
      tokensPerSecond: number | null;
      /** `/sim limits <percent>`: the share of each rate limit the response headers report as remaining. */
      rateLimitPercent: number | null;
      rendered: Rendered;
    };

export type CountResult = { kind: 'error'; error: ApiErrorSpec } | { kind: 'ok'; inputTokens: number };

/**
 * Content depends only on what the model would read (system, tools,
 * messages) and the seed, so stream/non-stream and max_tokens changes give
 * the same text. `serial` (the request's position) only feeds the ids, which
 * must differ between requests as real ids do.
 */
export function runMessages(body: string, version: ApiVersion, cache: PromptCache, seed: number, serial: number, betas: ReadonlySet<string> = new Set()): MessagesResult {
  const validated = validateRequest(body, version, 'messages', betas);
  if (!validated.ok) return { kind: 'error', error: validated.error };
  const req = validated.request;
  const contentKey = JSON.stringify({ system: req.system, tools: req.tools, messages: req.messages });
  const contentSeed = hashString(contentKey, seed);
  const rng = new Rng(contentSeed);
  const idRng = new Rng(hashString(`ids:${serial}`, contentSeed));
  const directive = parseDirective(req.messages);
  const planned = planTurn(req, directive, { rng: rng.fork('plan'), idRng });
  if (planned.kind === 'error') return { kind: 'error', error: planned.error };
  const usage = cache.apply(req.model.id, inputSegments(req), req.topCacheControl);
  if ('status' in usage) return { kind: 'error', error: usage };
  const rendered = renderTurn(planned.plan, {
    messageId: makeId('msg', idRng),
    model: req.modelId,
    usage,
    maxTokens: req.maxTokens,
    rng: rng.fork('deltas'),
  });
  const rateLimitPercent = directive.scenario.name === 'limits' ? directive.scenario.percent : null;
  return { kind: 'ok', request: req, fast: directive.fast, tokensPerSecond: directive.tokensPerSecond, rateLimitPercent, rendered };
}

export function runCountTokens(body: string, version: ApiVersion, betas: ReadonlySet<string> = new Set()): CountResult {
  const validated = validateRequest(body, version, 'count_tokens', betas);
  if (!validated.ok) return { kind: 'error', error: validated.error };
  return { kind: 'ok', inputTokens: countInputTokens(validated.request) };
}
