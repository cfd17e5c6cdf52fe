// The proxy as Vite mounts it (dev and preview): the same guard answers there,
// and the plugin says which Host names it serves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createServer, preview, type Logger } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { apiProxyPlugin } from '../vite-plugin';
import { apiError, rawRequest } from './test-helpers';

const root = mkdtempSync(join(tmpdir(), 'vite-mount-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function capturingLogger(lines: string[]): Logger {
  const logger = createLogger('silent');
  return { ...logger, info: (msg) => lines.push(msg), warn: (msg) => lines.push(`warn: ${msg}`) };
}

async function checkGuard(port: number): Promise<void> {
  const own = await fetch(`http://127.0.0.1:${port}/_app/status`, { headers: { origin: `http://127.0.0.1:${port}` } });
  expect(own.status).toBe(200);
  expect(await own.json()).toHaveProperty('mode');
  const cross = await fetch(`http://127.0.0.1:${port}/api/v1/models`, { headers: { origin: 'http://localhost:3000' } });
  expect(cross.status).toBe(403);
  expect(apiError(await cross.text())?.type).toBe('permission_error');
  // Vite's own host check would answer a foreign name first; 127.0.0.2 is an IP it lets through, ours does not.
  const rebound = await rawRequest(port, [`GET /api/v1/models HTTP/1.1\r\nHost: 127.0.0.2:${port}\r\nConnection: close\r\n\r\n`]);
  expect(rebound.status).toBe(403);
}

describe('the proxy mounted in Vite', () => {
  it('guards the API in the dev server and says which hosts it serves, with no remote warning on loopback', async () => {
    const lines: string[] = [];
    const server = await createServer({
      root,
      configFile: false,
      customLogger: capturingLogger(lines),
      plugins: [apiProxyPlugin()],
      server: { host: '127.0.0.1', port: 0, ws: false },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    try {
      await server.listen();
      const address = server.httpServer?.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      await checkGuard(port);
      expect(lines.some((line) => line.startsWith('The API proxy answers requests addressed to localhost, 127.0.0.1, [::1]'))).toBe(true);
      expect(lines.filter((line) => line.startsWith('warn: Warning: listening on'))).toEqual([]);
    } finally {
      await server.close();
    }
  }, 30_000);

  it('guards the API in vite preview', async () => {
    const lines: string[] = [];
    const server = await preview({
      root,
      configFile: false,
      customLogger: capturingLogger(lines),
      plugins: [apiProxyPlugin()],
      build: { outDir: root },
      preview: { host: '127.0.0.1', port: 0 },
    });
    try {
      const address = server.httpServer.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      await checkGuard(port);
      expect(lines.some((line) => line.includes('The API proxy answers requests'))).toBe(true);
    } finally {
      await server.close();
    }
  }, 30_000);
});
