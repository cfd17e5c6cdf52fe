// One built app served the way `npm start` serves dist/: the real proxy and
// the simulator in this process, in front of the static files, on
// 127.0.0.1:0. Each Messages response is watched below the proxy (its
// res.write) to note when the first content_block_delta and the last byte
// left this process, on the machine's wall clock (the page's
// performance.timeOrigin + performance.now() is on the same clock).
import type { AddressInfo } from 'node:net';
import type { ServerResponse } from 'node:http';
import { createAppServer } from '../../server/app-server';
import type { ServerConfig } from '../../server/config';
import { createProxyServer } from '../../server/proxy';
import { serveStatic } from '../../server/static';

export interface SentTimes {
  readonly url: string;
  readonly startedAt: number;
  /** Wall-clock ms (sub-ms precision) when the first content_block_delta was written. */
  firstDeltaAt: number | null;
  /** The text of that first delta, when it was a text delta. */
  firstDeltaText: string | null;
  lastWriteAt: number | null;
  endedAt: number | null;
  bytes: number;
}

export interface BenchServer {
  readonly url: string;
  readonly sent: SentTimes[];
  close(): Promise<void>;
}

export const SIMULATOR_CONFIG: ServerConfig = {
  apiKey: null,
  upstreamBaseUrl: 'https://api.anthropic.com',
  simulator: { firstTokenDelayMs: 0, tokensPerSecond: 0 },
};

/** Wall clock with sub-millisecond precision, comparable with the page's timeOrigin + now(). */
export const wallNow = (): number => performance.timeOrigin + performance.now();

const DELTA = 'content_block_delta';

function watch(res: ServerResponse, record: SentTimes): void {
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let tail = '';
  const note = (chunk: unknown) => {
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) return;
    const now = wallNow();
    record.lastWriteAt = now;
    record.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (record.firstDeltaAt !== null) return;
    // Only until the first delta: after that, noting the time is all it costs.
    const text = tail + (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const at = text.indexOf(DELTA);
    if (at === -1) {
      tail = text.slice(-DELTA.length);
      return;
    }
    record.firstDeltaAt = now;
    const match = /"text":"((?:[^"\\]|\\.)*)"/.exec(text.slice(at));
    record.firstDeltaText = match === null ? null : (JSON.parse(`"${match[1] ?? ''}"`) as string);
  };
  res.write = ((...args: unknown[]) => {
    note(args[0]);
    return write(...args);
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (typeof args[0] !== 'function') note(args[0]);
    record.endedAt = wallNow();
    return end(...args);
  }) as typeof res.end;
}

export async function serveBuild(dir: string, config: ServerConfig = SIMULATOR_CONFIG): Promise<BenchServer> {
  const app = createAppServer(config, { log: () => undefined });
  const sent: SentTimes[] = [];
  const server = createProxyServer((req, res) => {
    if (req.method === 'POST' && (req.url ?? '').split('?')[0] === '/api/v1/messages') {
      const record: SentTimes = { url: req.url ?? '', startedAt: wallNow(), firstDeltaAt: null, firstDeltaText: null, lastWriteAt: null, endedAt: null, bytes: 0 };
      sent.push(record);
      watch(res, record);
    }
    app.middleware(req, res, () => serveStatic(req, res, dir));
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    sent,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
