// One built app served the way `npm start` serves dist/: the real proxy and
// the simulator in this process, in front of the static files, on
// 127.0.0.1:0. Each Messages response is watched below the proxy (its
// res.write) to note when the first and the last content_block_delta and the
// last byte left this process, on the machine's wall clock; the newest
// response's bytes are kept (to know what the page should show). The page's
// performance.timeOrigin + performance.now() is on nearly the same clock:
// GET /__bench/clock answers this process's, so a run can measure the offset.
import type { AddressInfo } from 'node:net';
import type { ServerResponse } from 'node:http';
import { createAppServer } from '../../server/app-server';
import type { ServerConfig } from '../../server/config';
import { createProxyServer } from '../../server/proxy';
import { serveStatic } from '../../server/static';
import { segmentSse } from '../../src/record';

export interface SentTimes {
  readonly url: string;
  readonly startedAt: number;
  /** Wall-clock ms (sub-ms precision) when the first content_block_delta was written. */
  firstDeltaAt: number | null;
  /** The text of that first delta, when it was a text delta. */
  firstDeltaText: string | null;
  /** When the last content_block_delta was written. */
  lastDeltaAt: number | null;
  lastWriteAt: number | null;
  endedAt: number | null;
  bytes: number;
  /** The response's bytes, kept for the newest response only. */
  body: string[] | null;
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

/** The bench server's wall clock, for the page to measure its offset from. */
export const CLOCK_PATH = '/__bench/clock';

/** The text of a recorded Messages response: every text_delta joined (what the answer's text block holds). */
export function answerText(record: SentTimes): string {
  if (record.body === null) throw new Error('The response body was not kept.');
  // Parsed by the SSE rules (a kept stream puts an `id:` line before each event).
  let text = '';
  for (const { event, data } of segmentSse(record.body.join('')).messages) {
    if (event !== DELTA) continue;
    const parsed = JSON.parse(data) as { delta?: { type?: string; text?: string } };
    if (parsed.delta?.type === 'text_delta') text += parsed.delta.text ?? '';
  }
  return text;
}

function watch(res: ServerResponse, record: SentTimes): void {
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let tail = '';
  const note = (chunk: unknown) => {
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) return;
    const now = wallNow();
    record.lastWriteAt = now;
    record.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    const own = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    record.body?.push(own);
    // A write is whole events (the simulator writes an event, or a run of them, at once).
    if (own.includes(DELTA)) record.lastDeltaAt = now;
    if (record.firstDeltaAt !== null) return;
    const text = tail + own;
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

/** The simulator's config with a given pace (tokens per second; `fast` in a prompt still disables it). */
export function simulatorAt(tokensPerSecond: number): ServerConfig {
  return { ...SIMULATOR_CONFIG, simulator: { firstTokenDelayMs: 0, tokensPerSecond } };
}

export async function serveBuild(dir: string, config: ServerConfig = SIMULATOR_CONFIG): Promise<BenchServer> {
  const app = createAppServer(config, { log: () => undefined });
  const sent: SentTimes[] = [];
  const server = createProxyServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === CLOCK_PATH) {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ now: wallNow() }));
      return;
    }
    if (req.method === 'POST' && path === '/api/v1/messages') {
      const record: SentTimes = { url: req.url ?? '', startedAt: wallNow(), firstDeltaAt: null, firstDeltaText: null, lastDeltaAt: null, lastWriteAt: null, endedAt: null, bytes: 0, body: [] };
      for (const older of sent) older.body = null;
      sent.push(record);
      // Hundreds of answers in a long run: only the newest few records are kept.
      if (sent.length > 50) sent.splice(0, sent.length - 50);
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
