// The header's rate-limit indicator, as data: each limit the latest response
// reported, how much of it is left and how urgent that is, and whether the
// last answer hit a limit (429: the organisation's) or found Claude overloaded
// (529: not the user's limit at all). Pure.
import type { StreamedMessage } from '../protocol';
import { rateLimitsOf, type RateLimit } from '../record';
import { formatCount } from './format';

/** Amber under 20% left, red under 5%. */
export const AMBER_BELOW = 0.2;
export const RED_BELOW = 0.05;

export type Level = 'ok' | 'amber' | 'red';

export interface LimitView extends RateLimit {
  readonly key: 'requests' | 'input-tokens' | 'output-tokens';
  readonly level: Level;
}

const SHOWN: ReadonlyArray<readonly [LimitView['key'], string]> = [
  ['requests', 'Requests'],
  ['input-tokens', 'Input tokens'],
  ['output-tokens', 'Output tokens'],
];

export function levelOf(remaining: number | null, limit: number | null): Level {
  if (remaining === null || limit === null || limit <= 0) return 'ok';
  const share = remaining / limit;
  return share < RED_BELOW ? 'red' : share < AMBER_BELOW ? 'amber' : 'ok';
}

/** Requests, input tokens and output tokens, as the headers give them (a limit the response leaves out is left out). */
export function limitViews(headers: Readonly<Record<string, string>>): LimitView[] {
  const all = rateLimitsOf(headers);
  return SHOWN.flatMap(([key, name]) => {
    const found = all.find((l) => l.name === name);
    return found === undefined ? [] : [{ ...found, key, level: levelOf(found.remaining, found.limit) }];
  });
}

export function worstLevel(views: readonly LimitView[]): Level {
  return views.some((v) => v.level === 'red') ? 'red' : views.some((v) => v.level === 'amber') ? 'amber' : 'ok';
}

export type LimitProblem =
  | { readonly kind: 'rate_limited'; readonly retryAfterSeconds: number | null }
  | { readonly kind: 'overloaded'; readonly retryAfterSeconds: number | null };

/** A 429 or 529 on the latest answer (before its stream, or as an in-stream error event). */
export function limitProblemOf(stream: StreamedMessage | undefined): LimitProblem | null {
  const error = stream?.error;
  if (error == null || error.kind !== 'api') return null;
  if (error.status === 429 || error.type === 'rate_limit_error') return { kind: 'rate_limited', retryAfterSeconds: error.retryAfterSeconds };
  if (error.status === 529 || error.type === 'overloaded_error') return { kind: 'overloaded', retryAfterSeconds: error.retryAfterSeconds };
  return null;
}

/** "1,234", "60K", "2M": compact, for the header. */
export function compactCount(n: number | null): string {
  if (n === null) return '?';
  if (n >= 1_000_000) return `${trim(n / 1_000_000)}M`;
  if (n >= 10_000) return `${trim(n / 1000)}K`;
  return formatCount(n);
}

function trim(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}
