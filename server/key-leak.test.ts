// The key never reaches the browser: not in the bundle, not in any response.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppServer } from './app-server';

// Built at run time so no key-shaped string sits in the source (secret scanners flag them).
const SENTINEL = ['sk', 'ant', 'api03', 'SENTINEL-never-leak-4f1c2e9a'].join('-');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the API key stays on the server', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'dist-'));
  const servers: Server[] = [];
  afterAll(async () => {
    rmSync(outDir, { recursive: true, force: true });
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('is absent from the production bundle built with the key in the environment', async () => {
    process.env.ANTHROPIC_API_KEY = SENTINEL;
    process.env.VITE_ANTHROPIC_API_KEY = SENTINEL;
    try {
      await build({ logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    } finally {
      delete process.env.ANTHROPIC_API_KEY;
      delete process.env.VITE_ANTHROPIC_API_KEY;
    }
    const files = filesUnder(outDir);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    for (const file of files) expect(readFileSync(file, 'latin1'), file).not.toContain(SENTINEL);
  }, 60_000);

  it('is absent from every proxy response, errors included', async () => {
    // An upstream that refuses connections: every forwarded request takes an error path.
    const app = createAppServer({ apiKey: SENTINEL, upstreamBaseUrl: 'http://127.0.0.1:9', simulator: {} });
    const server = createServer((req, res) => app.middleware(req, res, () => res.writeHead(404).end()));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const requests: Array<[string, RequestInit]> = [
      ['/_app/status', {}],
      ['/api/v1/models', {}],
      ['/api/v1/messages', { method: 'POST', body: '{"model":"x"}' }],
      ['/api/v1/messages/count_tokens', { method: 'POST', body: 'not json' }],
      ['/api/v1/other', { method: 'POST', body: '{}' }],
      ['/api/v1/messages', { method: 'POST', body: '{}', headers: { 'x-api-key': 'client', authorization: 'Bearer c' } }],
    ];
    for (const [path, init] of requests) {
      const res = await fetch(`${base}${path}`, init);
      const text = await res.text();
      const headers = JSON.stringify([...res.headers.entries()]);
      expect(text + headers, path).not.toContain(SENTINEL);
    }
  });
});
