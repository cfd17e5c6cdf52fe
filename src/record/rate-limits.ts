// The rate-limit headers of a response, summarised: for each limit the API
// reports (requests, input tokens, output tokens, and tokens overall), how
// much is left of it and when it resets. Pure.

export interface RateLimit {
  readonly name: string;
  readonly remaining: number | null;
  readonly limit: number | null;
  /** When the limit is fully replenished (ms since the epoch), if the API said. */
  readonly resetsAt: number | null;
}

const LIMITS: ReadonlyArray<readonly [key: string, name: string]> = [
  ['requests', 'Requests'],
  ['input-tokens', 'Input tokens'],
  ['output-tokens', 'Output tokens'],
  ['tokens', 'Tokens'],
];

export function rateLimitsOf(headers: Readonly<Record<string, string>>): RateLimit[] {
  const get = (name: string): string | undefined => headers[name] ?? headers[name.toLowerCase()];
  return LIMITS.flatMap(([key, name]) => {
    const base = `anthropic-ratelimit-${key}`;
    const limit = count(get(`${base}-limit`));
    const remaining = count(get(`${base}-remaining`));
    const reset = get(`${base}-reset`);
    if (limit === null && remaining === null && reset === undefined) return [];
    const resetsAt = reset === undefined ? null : Date.parse(reset);
    return [{ name, remaining, limit, resetsAt: Number.isFinite(resetsAt) ? resetsAt : null }];
  });
}

function count(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value.trim())) return null;
  return Number(value);
}
