// Errors the proxy itself answers, in the API's envelope so every client
// (the SDK included) reads them like the API's own. A failure is a value
// (ApiFailure) until the moment it is written.
import { randomBytes } from 'node:crypto';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** The API's error types the proxy can produce (the API's own docs: other 4xx are invalid_request_error). */
export type ApiErrorType = 'invalid_request_error' | 'permission_error' | 'not_found_error' | 'request_too_large' | 'api_error' | 'timeout_error';

export interface ApiFailure {
  readonly status: number;
  readonly type: ApiErrorType;
  /** Human-readable; built from the proxy's own words, never from request headers, so it cannot carry a key. */
  readonly message: string;
  /** Close the connection after answering: the rest of the request cannot be trusted or waited for. */
  readonly close?: boolean;
}

export function newRequestId(): string {
  return `req_proxy_${randomBytes(12).toString('hex')}`;
}

export function errorBody(failure: Pick<ApiFailure, 'type' | 'message'>, requestId: string): string {
  return JSON.stringify({ type: 'error', error: { type: failure.type, message: failure.message }, request_id: requestId });
}

/** Headers every proxy-made error carries: never cached, never sniffed as something else. */
export function errorHeaders(body: string, requestId: string): OutgoingHttpHeaders {
  return {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'request-id': requestId,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}

export function sendFailure(res: ServerResponse, failure: ApiFailure): void {
  if (res.headersSent) {
    // Too late for a status: cutting the connection is the only honest signal.
    res.destroy();
    return;
  }
  const requestId = newRequestId();
  const body = errorBody(failure, requestId);
  const headers = errorHeaders(body, requestId);
  if (failure.close === true) headers.connection = 'close';
  res.writeHead(failure.status, headers);
  res.end(body);
}

/** Kept for callers of the original helper. */
export function sendApiError(res: ServerResponse, status: number, type: ApiErrorType, message: string): void {
  sendFailure(res, { status, type, message });
}
