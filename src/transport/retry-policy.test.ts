import { describe, expect, it } from 'vitest';
import type { StreamError } from '../protocol';
import { MAX_RETRIES, retryDecision } from './retry-policy';

const api = (status: number, retryAfterSeconds: number | null = null): StreamError => ({ kind: 'api', status, type: 'x', message: 'm', requestId: null, retryAfterSeconds });

describe('retryDecision', () => {
  it('retries 429, 500 and 529 with exponential backoff and jitter', () => {
    expect(retryDecision(api(529), 0, 0)).toEqual({ retry: true, delayMs: 1000 });
    expect(retryDecision(api(500), 1, 0)).toEqual({ retry: true, delayMs: 2000 });
    expect(retryDecision(api(429), 2, 0.999)).toEqual({ retry: true, delayMs: Math.round(4000 * (1 - 0.25 * 0.999)) });
  });

  it('honours retry-after', () => {
    expect(retryDecision(api(429, 7), 0, 0.5)).toEqual({ retry: true, delayMs: 7000 });
    expect(retryDecision(api(429, 3600), 0, 0.5)).toEqual({ retry: false });
  });

  it('stops after a few attempts', () => {
    expect(retryDecision(api(529), MAX_RETRIES, 0)).toEqual({ retry: false });
  });

  it('never retries what would fail the same way, nor errors inside a stream', () => {
    for (const status of [400, 401, 403, 404, 413]) expect(retryDecision(api(status), 0, 0)).toEqual({ retry: false });
    expect(retryDecision({ kind: 'api', status: null, type: 'overloaded_error', message: 'm', requestId: null, retryAfterSeconds: null }, 0, 0)).toEqual({ retry: false });
    expect(retryDecision({ kind: 'network', message: 'x' }, 0, 0)).toEqual({ retry: false });
  });
});
