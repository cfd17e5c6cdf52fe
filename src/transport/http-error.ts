// A non-2xx response -> a typed error the user can read. Pure: the caller
// reads the body; this only interprets it.
import { isRecord, type StreamError } from '../protocol';

export interface ErrorResponse {
  readonly status: number;
  readonly contentType: string;
  readonly bodyText: string;
  readonly requestId: string | null;
  readonly retryAfter: string | null;
}

const FALLBACK_TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

export function toHttpError(response: ErrorResponse): StreamError {
  const envelope = parseEnvelope(response.bodyText);
  return {
    kind: 'api',
    status: response.status,
    type: envelope?.type ?? FALLBACK_TYPES[response.status] ?? (response.status >= 500 ? 'api_error' : 'invalid_request_error'),
    // Proxies and Cloudflare (413) answer with HTML or plain text: show the status rather than markup.
    message: envelope?.message ?? `The server answered HTTP ${response.status}${statusHint(response.status)}.`,
    requestId: response.requestId ?? envelope?.requestId ?? null,
    retryAfterSeconds: parseRetryAfter(response.retryAfter),
  };
}

function statusHint(status: number): string {
  if (status === 413) return ' (request too large)';
  if (status === 502 || status === 503 || status === 504) return ' (the upstream did not answer)';
  return '';
}

function parseEnvelope(text: string): { type: string; message: string; requestId: string | null } | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(body) || !isRecord(body.error)) return null;
  const { type, message } = body.error;
  if (typeof type !== 'string' || typeof message !== 'string') return null;
  return { type, message, requestId: typeof body.request_id === 'string' ? body.request_id : null };
}

/** `retry-after` is seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds : null;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
