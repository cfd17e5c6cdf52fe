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

describe('retryDecision at its edges', () => {
  it('retries every transient status: 408, 409, 429, 500, 502, 503, 504 and 529', () => {
    for (const status of [408, 409, 429, 500, 502, 503, 504, 529]) expect(retryDecision(api(status), 0, 0), String(status)).toEqual({ retry: true, delayMs: 1000 });
    for (const status of [402, 410, 422, 501, 505]) expect(retryDecision(api(status), 0, 0), String(status)).toEqual({ retry: false });
  });

  it('waits up to 60 s when asked, an immediate retry-after included, and not beyond', () => {
    expect(retryDecision(api(529, 60), 0, 0)).toEqual({ retry: true, delayMs: 60_000 });
    expect(retryDecision(api(529, 60.5), 0, 0)).toEqual({ retry: false });
    expect(retryDecision(api(429, 0), 0, 0)).toEqual({ retry: true, delayMs: 0 });
  });

  it('makes three retries at most, backing off 1, 2 and 4 seconds', () => {
    expect([0, 1, 2, 3].map((attempt) => retryDecision(api(500), attempt, 0))).toEqual([
      { retry: true, delayMs: 1000 },
      { retry: true, delayMs: 2000 },
      { retry: true, delayMs: 4000 },
      { retry: false },
    ]);
    expect(MAX_RETRIES).toBe(3);
    // Jitter only shortens the wait, by a quarter at most.
    expect(retryDecision(api(500), 1, 0.5)).toEqual({ retry: true, delayMs: 1750 });
  });
});
