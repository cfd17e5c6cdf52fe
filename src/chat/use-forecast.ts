// Counts the request Send would make, as the user types: debounced (the
// draft itself, so a keystroke builds no request), one count_tokens request
// in flight at a time, and an answer for a request that has since changed is
// dropped (the newest one is counted next).
import { useEffect, useRef, useState } from 'react';
import { requestHeaders } from '../settings';
import type { StreamError } from '../protocol';
import { fetchJson } from '../transport';
import { countTokensBody, type NextRequest } from './next-request';

export const COUNT_TOKENS_URL = '/api/v1/messages/count_tokens';
/** Long enough to count once per pause in typing, short enough to feel live. */
export const FORECAST_DEBOUNCE_MS = 400;

/** `value`, once it has stood still for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export type Forecast =
  | { readonly kind: 'idle' }
  /** `previous`: the last count, shown until the new one arrives. */
  | { readonly kind: 'counting'; readonly previous: number | null }
  | { readonly kind: 'ready'; readonly inputTokens: number }
  /** count_tokens refused or failed: said in place; sending is never blocked by it. */
  | { readonly kind: 'unavailable'; readonly reason: string };

interface Pending {
  readonly body: string;
  readonly headers: Record<string, string>;
}

export function useForecast(request: NextRequest | null): Forecast {
  /** The newest answer applied, with the body it counted. */
  const [applied, setApplied] = useState<{ readonly body: string; readonly forecast: Forecast } | null>(null);
  const latest = useRef<string | null>(null);
  const inFlight = useRef(false);
  const queued = useRef<Pending | null>(null);
  const body = request === null ? null : JSON.stringify(countTokensBody(request));
  const headers = request === null ? null : requestHeaders(request.options);
  const headersKey = JSON.stringify(headers);

  useEffect(() => {
    latest.current = body;
    if (body === null || headers === null) return;
    const send = (pending: Pending) => {
      inFlight.current = true;
      void fetchJson<{ input_tokens: number }>(COUNT_TOKENS_URL, { method: 'POST', headers: { 'content-type': 'application/json', ...pending.headers }, body: pending.body }).then((result) => {
        inFlight.current = false;
        const next = queued.current;
        queued.current = null;
        // A stale answer is dropped; the newest request goes next.
        if (pending.body !== latest.current) {
          if (next !== null && next.body === latest.current) send(next);
          return;
        }
        const forecast: Forecast =
          result.ok && typeof result.value.input_tokens === 'number'
            ? { kind: 'ready', inputTokens: result.value.input_tokens }
            : { kind: 'unavailable', reason: result.ok ? 'count_tokens gave no count' : reasonOf(result.error) };
        setApplied({ body: pending.body, forecast });
      });
    };
    const pending = { body, headers };
    if (inFlight.current) queued.current = pending;
    else send(pending);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- headersKey stands for headers, a new object each render: the effect reruns when their content changes, not their identity
  }, [body, headersKey]);

  if (body === null) return { kind: 'idle' };
  if (applied?.body === body) return applied.forecast;
  return { kind: 'counting', previous: applied?.forecast.kind === 'ready' ? applied.forecast.inputTokens : null };
}

function reasonOf(error: StreamError): string {
  switch (error.kind) {
    case 'api':
      return error.message;
    case 'network':
      return `the server could not be reached (${error.message})`;
    case 'unexpected_response':
      return `unexpected response (HTTP ${error.status})`;
    case 'incomplete':
    case 'malformed':
    case 'stall':
      return 'unreadable answer';
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}
