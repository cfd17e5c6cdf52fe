// The API's error envelope and the error type for each HTTP status
// (PROTOCOL.md §9).
import type { ApiErrorSpec } from './types';

export function errorTypeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'invalid_request_error';
    case 401:
      return 'authentication_error';
    case 402:
      return 'billing_error';
    case 403:
      return 'permission_error';
    case 404:
      return 'not_found_error';
    case 409:
      return 'conflict_error';
    case 413:
      return 'request_too_large';
    case 429:
      return 'rate_limit_error';
    case 504:
      return 'timeout_error';
    case 529:
      return 'overloaded_error';
    default:
      // The docs say other 4xx use invalid_request_error; other 5xx are api_error.
      return status >= 500 ? 'api_error' : 'invalid_request_error';
  }
}

const DEFAULT_MESSAGES: Record<string, string> = {
  invalid_request_error: 'There was an issue with the format or content of your request.',
  authentication_error: 'invalid x-api-key',
  billing_error: 'Your credit balance is too low to access the Anthropic API.',
  permission_error: 'Your API key does not have permission to use the specified resource.',
  not_found_error: 'The requested resource could not be found.',
  conflict_error: 'The request conflicts with the current state of the resource.',
  request_too_large: 'Request exceeds the maximum allowed number of bytes.',
  rate_limit_error: 'Number of request tokens has exceeded your per-minute rate limit.',
  api_error: 'Internal server error',
  timeout_error: 'Request timed out',
  overloaded_error: 'Overloaded',
};

/** An error response as the API would send it for this status. */
export function errorForStatus(status: number, retryAfterSeconds = 2): ApiErrorSpec {
  const type = errorTypeForStatus(status);
  const message = DEFAULT_MESSAGES[type] ?? 'Error';
  const spec: ApiErrorSpec = { status, type, message };
  if (status === 429) spec.headers = { 'retry-after': String(retryAfterSeconds) };
  return spec;
}

export function invalidRequest(message: string): ApiErrorSpec {
  return { status: 400, type: 'invalid_request_error', message };
}

export function notFound(message: string): ApiErrorSpec {
  return { status: 404, type: 'not_found_error', message };
}

/** Body text of an error response; `request_id` equals the request-id header. */
export function errorBody(spec: ApiErrorSpec, requestId: string): string {
  return JSON.stringify({ type: 'error', error: { type: spec.type, message: spec.message }, request_id: requestId });
}
