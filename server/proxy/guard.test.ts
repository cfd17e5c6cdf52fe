import { describe, expect, it } from 'vitest';
import { createSimulator } from '../simulator';
import { checkRequestSource, normalizeHost, parseAllowedHosts } from './guard';
import { apiError, closeServersAfterEach, rawRequest, startProxy } from './test-helpers';

closeServersAfterEach();

describe('checkRequestSource', () => {
  it.each(['localhost:5173', '127.0.0.1:4173', '[::1]:80', 'LOCALHOST', 'localhost'])('serves Host %s without Origin (scripts, the SDK)', (host) => {
    expect(checkRequestSource({ host })).toBeNull();
  });

  it.each([undefined, '', 'evil.example', 'evil.example:5173', 'localhost.evil.example', 'localhost.', '127.0.0.2', '0.0.0.0:80', 'localhost@evil.example', 'localhost/x', 'a b', '[::2]'])(
    'refuses Host %s (DNS rebinding)',
    (host) => {
      expect(checkRequestSource(host === undefined ? {} : { host })).toMatchObject({ status: 403, type: 'permission_error' });
    },
  );

  it('serves names listed in ALLOWED_HOSTS, on any port', () => {
    const extra = parseAllowedHosts(['mybox.local', ' 192.168.1.5 ', 'bad host', '']);
    expect(extra).toEqual(['mybox.local', '192.168.1.5']);
    expect(checkRequestSource({ host: 'MyBox.local:5173' }, extra)).toBeNull();
    expect(checkRequestSource({ host: '192.168.1.5' }, extra)).toBeNull();
    expect(checkRequestSource({ host: 'other.local' }, extra)).not.toBeNull();
  });

  it('serves a browser request from the app itself', () => {
    expect(checkRequestSource({ host: '127.0.0.1:5173', origin: 'http://127.0.0.1:5173', 'sec-fetch-site': 'same-origin' })).toBeNull();
    expect(checkRequestSource({ host: 'localhost', origin: 'http://localhost:80' })).toBeNull();
    expect(checkRequestSource({ host: 'localhost:443', origin: 'https://localhost' })).toBeNull();
    expect(checkRequestSource({ host: 'localhost:5173', 'sec-fetch-site': 'none' })).toBeNull();
  });

  it.each([
    ['http://evil.example', undefined],
    ['http://localhost:3000', undefined],
    ['http://127.0.0.1:5173', undefined], // another name for the same server is another origin
    ['null', undefined],
    ['file://', undefined],
    ['http://localhost:5173.evil.example', undefined],
    [undefined, 'cross-site'],
    [undefined, 'same-site'],
    ['http://localhost:5173', 'cross-site'],
  ])('refuses Origin %s / Sec-Fetch-Site %s for Host localhost:5173', (origin, site) => {
    const headers = { host: 'localhost:5173', ...(origin === undefined ? {} : { origin }), ...(site === undefined ? {} : { 'sec-fetch-site': site }) };
    expect(checkRequestSource(headers)).toMatchObject({ status: 403, type: 'permission_error' });
  });

  it('normalises hosts like URL does', () => {
    expect(normalizeHost('LocalHost:80')).toBe('localhost');
    expect(normalizeHost('[::1]:5173')).toBe('[::1]:5173');
    expect(normalizeHost('localhost:99999')).toBeNull();
  });
});

describe('the guard on the wire', () => {
  const simulator = createSimulator({ firstTokenDelayMs: 0 });

  it('answers 403 permission_error on the API routes, 404s and /_app/status, before anything else', async () => {
    const proxy = await startProxy({ apiKey: null, simulator });
    for (const [method, path] of [['GET', '/_app/status'], ['GET', '/api/v1/models'], ['POST', '/api/v1/messages'], ['POST', '/api/v1/nothing']]) {
      const res = await rawRequest(proxy.port, [`${method} ${path} HTTP/1.1\r\nHost: evil.example:${proxy.port}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`]);
      expect(res.status, path).toBe(403);
      expect(apiError(res.body)?.type, path).toBe('permission_error');
      const cross = await fetch(`${proxy.base}${path}`, { method, headers: { origin: 'http://evil.example' }, body: method === 'POST' ? '{}' : undefined });
      expect(cross.status, path).toBe(403);
      expect(apiError(await cross.text())?.type).toBe('permission_error');
    }
    expect(simulator.records).toHaveLength(0);
  });

  it('lets scripts (no Origin) and the app itself (its own Origin) through, and leaves app pages alone', async () => {
    const proxy = await startProxy({ apiKey: null, simulator });
    expect((await fetch(`${proxy.base}/_app/status`)).status).toBe(200);
    const own = await fetch(`${proxy.base}/api/v1/models`, { headers: { origin: proxy.base } });
    expect(own.status).toBe(200);
    await own.text();
    // Pages are the app's business (Vite has its own host check); only the API is guarded here.
    const page = await rawRequest(proxy.port, [`GET /index.html HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`]);
    expect(page.status).toBe(418);
  });
});
