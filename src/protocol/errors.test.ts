import { describe, expect, it } from 'vitest';
import { toUserMessage, type StreamError } from './errors';

const api = (status: number | null, type: string, message: string, retryAfterSeconds: number | null = null): StreamError => ({
  kind: 'api',
  status,
  type,
  message,
  requestId: 'req_1',
  retryAfterSeconds,
});

const SET_KEY = "Set ANTHROPIC_API_KEY in the server's environment or .env file and restart the server.";

describe('toUserMessage for every HTTP status the app maps', () => {
  // The type is the one the API (or, for 408 and 504, our proxy) sends with that status.
  const cases: readonly [number, string, string, string][] = [
    [400, 'invalid_request_error', 'max_tokens: must be at least 1', 'The API refused the request (HTTP 400): max_tokens: must be at least 1.'],
    [401, 'authentication_error', 'invalid x-api-key', `The API key was rejected (HTTP 401): invalid x-api-key. ${SET_KEY}`],
    [
      403,
      'permission_error',
      'Your API key does not have permission to use the specified resource.',
      `This API key may not do that (HTTP 403): Your API key does not have permission to use the specified resource. To use a key that may: ${SET_KEY}`,
    ],
    [408, 'invalid_request_error', 'The request body did not arrive within 30 s.', 'The request did not reach the API in time (HTTP 408): The request body did not arrive within 30 s. Try again.'],
    [
      413,
      'request_too_large',
      'Request exceeds the maximum allowed number of bytes.',
      'The request is too large (HTTP 413): Request exceeds the maximum allowed number of bytes. Remove an attachment, or start a new conversation.',
    ],
    [429, 'rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit', 'Rate limited (HTTP 429): Number of request tokens has exceeded your per-minute rate limit.'],
    [500, 'api_error', 'Internal server error', 'The API had an internal error (HTTP 500): Internal server error. Try again.'],
    [504, 'timeout_error', 'The Anthropic API did not answer within 60 s.', 'The API did not answer in time (HTTP 504): The Anthropic API did not answer within 60 s. Try again.'],
    [529, 'overloaded_error', 'Overloaded', 'Claude is overloaded right now (HTTP 529): Overloaded.'],
  ];
  it.each(cases)('HTTP %i (%s)', (status, type, message, expected) => {
    expect(toUserMessage(api(status, type, message), { model: 'claude-x' })).toBe(expected);
  });

  it('HTTP 404 names the model the request asked for, not only the upstream text', () => {
    expect(toUserMessage(api(404, 'not_found_error', 'model: claude-nope'), { model: 'claude-nope' })).toBe(
      'The model "claude-nope" was not found (HTTP 404): model: claude-nope. Choose another model in Settings.',
    );
    expect(toUserMessage(api(404, 'not_found_error', 'Not found'), { model: 'claude-opus-9' })).toContain('"claude-opus-9"');
    // Without a request to name (no model known), the upstream text alone.
    expect(toUserMessage(api(404, 'not_found_error', 'Not found'))).toBe('Not found (HTTP 404): Not found.');
  });

  it('adds the retry-after hint to 429 and 529', () => {
    expect(toUserMessage(api(429, 'rate_limit_error', 'slow down', 12))).toBe('Rate limited (HTTP 429): slow down. Try again in 12 s.');
    expect(toUserMessage(api(529, 'overloaded_error', 'Overloaded', 3))).toBe('Claude is overloaded right now (HTTP 529): Overloaded. Try again in 3 s.');
  });

  it('402 points at billing, and an unknown type still shows the text and the status', () => {
    expect(toUserMessage(api(402, 'billing_error', 'credit balance too low'))).toBe(
      'The API account has a billing problem (HTTP 402): credit balance too low. See Plans & Billing in the Claude Console.',
    );
    expect(toUserMessage(api(409, 'conflict_error', 'conflict'))).toBe('The API reported an error (HTTP 409): conflict.');
  });
});

describe('toUserMessage for each mid-stream error type (an `error` event: no status)', () => {
  const cases: readonly [string, string][] = [
    ['overloaded_error', 'Claude is overloaded right now: Overloaded.'],
    ['api_error', 'The API had an internal error: Overloaded. Try again.'],
    ['rate_limit_error', 'Rate limited: Overloaded.'],
    ['invalid_request_error', 'The API refused the request: Overloaded.'],
    ['authentication_error', `The API key was rejected: Overloaded. ${SET_KEY}`],
    ['permission_error', `This API key may not do that: Overloaded. To use a key that may: ${SET_KEY}`],
    ['billing_error', 'The API account has a billing problem: Overloaded. See Plans & Billing in the Claude Console.'],
    ['not_found_error', 'The model "claude-x" was not found: Overloaded. Choose another model in Settings.'],
    ['request_too_large', 'The request is too large: Overloaded. Remove an attachment, or start a new conversation.'],
    ['timeout_error', 'The API did not answer in time: Overloaded. Try again.'],
    ['some_new_error', 'The API reported an error: Overloaded.'],
  ];
  it.each(cases)('%s', (type, expected) => {
    expect(toUserMessage(api(null, type, 'Overloaded'), { model: 'claude-x' })).toBe(expected);
  });
});

describe('toUserMessage for failures that are not API errors', () => {
  it('says what happened and that nothing received is lost', () => {
    expect(toUserMessage({ kind: 'network', message: 'Failed to fetch' })).toBe('The connection failed: Failed to fetch. Everything received so far is kept.');
    expect(toUserMessage({ kind: 'incomplete' })).toBe('The stream ended before the answer was complete. Everything received so far is kept.');
    expect(toUserMessage({ kind: 'malformed', event: 'content_block_delta', detail: 'bad JSON' })).toBe(
      'The server sent an unreadable "content_block_delta" event (bad JSON). It was skipped.',
    );
    expect(toUserMessage({ kind: 'stall', seconds: 30 })).toBe('No data arrived for 30 s, so the stream was given up. Everything received so far is kept.');
    expect(toUserMessage({ kind: 'unexpected_response', status: 200, contentType: 'text/html' })).toBe(
      'The server answered 200 with "text/html" instead of an event stream.',
    );
    expect(toUserMessage({ kind: 'unexpected_response', status: 200, contentType: '' })).toBe('The server answered 200 with "no content type" instead of an event stream.');
  });
});
