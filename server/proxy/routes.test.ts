import { describe, expect, it } from 'vitest';
import { matchRoute } from './routes';

describe('matchRoute: only the Messages API surface the app needs', () => {
  it.each([
    ['POST', '/api/v1/messages', '/v1/messages'],
    ['POST', '/api/v1/messages/count_tokens', '/v1/messages/count_tokens'],
    ['GET', '/api/v1/models', '/v1/models'],
    ['GET', '/api/v1/models?limit=100', '/v1/models?limit=100'],
    ['GET', '/api/v1/models/claude-sonnet-4-5', '/v1/models/claude-sonnet-4-5'],
    ['POST', '/api/v1/messages?beta=true', '/v1/messages?beta=true'],
    ['GET', '/api/v1/models?a=1?b=2', '/v1/models?a=1?b=2'],
  ])('%s %s is forwarded as %s', (method, url, path) => {
    expect(matchRoute(method, url)).toEqual({ kind: 'api', path });
  });

  it.each([
    ['GET', '/api/v1/messages'],
    ['PUT', '/api/v1/messages'],
    ['DELETE', '/api/v1/models/x'],
    ['POST', '/api/v1/models'],
    ['POST', '/api/v1/complete'],
    ['POST', '/api/v1/messages/batches'],
    ['GET', '/api/v1/models/..'],
    ['GET', '/api/v1/models/.'],
    ['GET', '/api/v1/models/a/b'],
    ['GET', '/api/v1/models/%2e%2e'],
    ['POST', '/api//v1/messages'],
    ['POST', '/api/v1/messages/'],
    ['GET', '/api'],
    ['OPTIONS', '/api/v1/messages'],
  ])('%s %s is a 404', (method, url) => {
    expect(matchRoute(method, url).kind).toBe('not_found');
  });

  it('leaves everything outside /api and the status path to the app', () => {
    expect(matchRoute('GET', '/')).toEqual({ kind: 'not_ours' });
    expect(matchRoute('GET', '/apix/v1/messages')).toEqual({ kind: 'not_ours' });
    expect(matchRoute('POST', '/_app/status')).toEqual({ kind: 'not_ours' });
    // An absolute-form target cannot name another upstream: it is simply not ours.
    expect(matchRoute('GET', 'http://evil.example/api/v1/models')).toEqual({ kind: 'not_ours' });
    expect(matchRoute('GET', '/_app/status')).toEqual({ kind: 'status' });
  });
});
