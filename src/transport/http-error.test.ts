import { describe, expect, it } from 'vitest';
import { parseRetryAfter, toHttpError } from './http-error';

const response = (status: number, bodyText: string, extra: Partial<Parameters<typeof toHttpError>[0]> = {}) => ({
  status,
  contentType: 'application/json',
  bodyText,
  requestId: null,
  retryAfter: null,
  ...extra,
});

describe('toHttpError', () => {
  it('reads the API envelope', () => {
    const body = JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: 'model: claude-nope' }, request_id: 'req_9' });
    expect(toHttpError(response(404, body))).toEqual({ kind: 'api', status: 404, type: 'not_found_error', message: 'model: claude-nope', requestId: 'req_9', retryAfterSeconds: null });
  });

  it('prefers the request-id header and reads retry-after', () => {
    const body = JSON.stringify({ type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } });
    expect(toHttpError(response(429, body, { requestId: 'req_h', retryAfter: '12' }))).toMatchObject({ requestId: 'req_h', retryAfterSeconds: 12, type: 'rate_limit_error' });
  });

  it('falls back to the status for a body that is not the envelope (Cloudflare 413)', () => {
    expect(toHttpError(response(413, '<html>Request Entity Too Large</html>', { contentType: 'text/html' }))).toMatchObject({
      type: 'request_too_large',
      message: 'The server answered HTTP 413 (request too large).',
    });
    expect(toHttpError(response(502, ''))).toMatchObject({ type: 'api_error' });
  });
});

describe('parseRetryAfter', () => {
  it('takes seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
