import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientHeaders, DEFAULT_API_VERSION, UPSTREAM_HEADER_NAMES, upstreamHeaders } from './headers';

const KEY = ['sk', 'ant', 'server-key'].join('-');

const hostile: IncomingHttpHeaders = {
  'x-api-key': 'client-key',
  authorization: 'Bearer client-token',
  cookie: 'session=1',
  connection: 'keep-alive, x-secret',
  'keep-alive': 'timeout=999',
  'proxy-authorization': 'Basic eA==',
  'proxy-connection': 'keep-alive',
  te: 'trailers',
  trailer: 'x-late',
  'transfer-encoding': 'chunked',
  upgrade: 'websocket',
  host: 'localhost:5173',
  origin: 'http://localhost:5173',
  'x-forwarded-for': '10.0.0.1',
  'x-forwarded-host': 'evil.example',
  forwarded: 'for=10.0.0.1',
  'anthropic-dangerous-direct-browser-access': 'true',
  'x-stainless-os': 'Linux',
  'content-type': 'text/plain',
  'content-length': '12',
  'anthropic-version': '2026-10-21',
  'anthropic-beta': 'a,b',
  accept: 'text/event-stream',
};

describe('upstreamHeaders', () => {
  it('sends only what the API needs, with the server key', () => {
    const out = upstreamHeaders(hostile, KEY);
    expect(Object.keys(out).sort()).toEqual([...UPSTREAM_HEADER_NAMES].sort());
    expect(out).toEqual({
      'x-api-key': KEY,
      'anthropic-version': '2026-10-21',
      'anthropic-beta': 'a,b',
      'content-type': 'application/json',
      accept: 'text/event-stream',
      'accept-encoding': 'identity',
    });
    expect(JSON.stringify(out)).not.toMatch(/client-key|client-token|session|999|x-secret|evil|10\.0\.0\.1|Linux/);
  });

  it('defaults the version and omits beta when the client sends none', () => {
    const out = upstreamHeaders({}, KEY);
    expect(out['anthropic-version']).toBe(DEFAULT_API_VERSION);
    expect(out.accept).toBe('application/json');
    expect('anthropic-beta' in out).toBe(false);
  });

  it('joins repeated values and treats empty or oversized ones as absent', () => {
    expect(upstreamHeaders({ 'anthropic-beta': ['a', 'b'] }, KEY)['anthropic-beta']).toBe('a,b');
    expect(upstreamHeaders({ 'anthropic-version': '  ' }, KEY)['anthropic-version']).toBe(DEFAULT_API_VERSION);
    expect('anthropic-beta' in upstreamHeaders({ 'anthropic-beta': 'x'.repeat(2000) }, KEY)).toBe(false);
  });
});

describe('clientHeaders', () => {
  it('passes back what clients read and nothing else', () => {
    const upstream = new Headers({
      'content-type': 'text/event-stream',
      'request-id': 'req_1',
      'retry-after': '3',
      'x-should-retry': 'true',
      'anthropic-ratelimit-tokens-remaining': '5',
      'anthropic-organization-id': 'org',
      'set-cookie': 'a=1',
      'content-encoding': 'gzip',
      'content-length': '10',
      connection: 'close',
      server: 'cloudflare',
      via: '1.1 x',
    });
    const out = clientHeaders(upstream);
    expect(Object.keys(out).sort()).toEqual(
      ['anthropic-organization-id', 'anthropic-ratelimit-tokens-remaining', 'cache-control', 'content-type', 'request-id', 'retry-after', 'x-accel-buffering', 'x-content-type-options', 'x-should-retry'].sort(),
    );
  });
});
