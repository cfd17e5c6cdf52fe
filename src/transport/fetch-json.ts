// Plain JSON requests to the proxy (models list, app status).
import type { StreamError } from '../protocol';
import { toHttpError } from './http-error';

export type JsonResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: StreamError };

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<JsonResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (cause) {
    return { ok: false, error: { kind: 'network', message: cause instanceof Error ? cause.message : String(cause) } };
  }
  const bodyText = await response.text().catch(() => '');
  if (!response.ok) {
    return {
      ok: false,
      error: toHttpError({
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        bodyText,
        requestId: response.headers.get('request-id'),
        retryAfter: response.headers.get('retry-after'),
      }),
    };
  }
  try {
    return { ok: true, value: JSON.parse(bodyText) as T };
  } catch {
    return { ok: false, error: { kind: 'unexpected_response', status: response.status, contentType: response.headers.get('content-type') ?? '' } };
  }
}
