// A server process for bench/proxy.ts, started with IPC.
//   upstream          the simulator behind a plain HTTP server ("talking to the simulator directly")
//   proxy <upstream>  two proxies: "proxy-sim" (no key: its own simulator answers, as `npm start` without a key)
//                     and "proxy-forward" (a key: forwards to <upstream>, as with ANTHROPIC_API_KEY)
// Everything binds to 127.0.0.1 only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createProxyMiddleware, createProxyServer } from '../server/proxy';
import { createStreamHub, type StreamHub } from '../server/proxy/stream-hub';
import { createSimulator, type Simulator } from '../server/simulator';
import { BENCH_KEY, isParentMessage, type ChildMessage, type ServerStats } from './proxy-ipc';

/** Kept streams: a short grace and retention so the bench sees them cancelled and let go within its time cap. */
export const BENCH_STREAMS = { graceMs: 1000, retentionMs: 4000, maxTotalBytes: 256 * 1024 * 1024 };

interface Tracked {
  readonly hub?: StreamHub;
  readonly server: Server;
  readonly simulator: Simulator | null;
  readonly logs: readonly string[];
  readonly counts: { sockets: number; inflight: number };
}

/** The bench's pacing: no time to first token, and `fast` in each prompt removes the rest. */
const simulatorOptions = { firstTokenDelayMs: 0, tokensPerSecond: 0 };

function track(server: Server, simulator: Simulator | null, logs: readonly string[], hub?: StreamHub): Tracked {
  const counts = { sockets: 0, inflight: 0 };
  server.on('connection', (socket: Socket) => {
    counts.sockets++;
    socket.once('close', () => counts.sockets--);
  });
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    counts.inflight++;
    res.once('close', () => counts.inflight--);
  });
  return { server, simulator, logs, counts, ...(hub === undefined ? {} : { hub }) };
}

function directSimulator(): Tracked {
  const simulator = createSimulator(simulatorOptions);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = (req.url ?? '/').replace(/^\/api(?=\/)/, '');
      void simulator.handle({ method: req.method ?? 'GET', path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }, res);
    });
  });
  return track(server, simulator, []);
}

function proxy(upstreamBaseUrl: string | null): Tracked {
  const simulator = upstreamBaseUrl === null ? createSimulator(simulatorOptions) : null;
  const logs: string[] = [];
  const hub = createStreamHub(BENCH_STREAMS);
  const middleware = createProxyMiddleware({
    hub,
    apiKey: upstreamBaseUrl === null ? null : BENCH_KEY,
    upstreamBaseUrl: upstreamBaseUrl ?? 'http://127.0.0.1:1',
    simulator: simulator ?? createSimulator(simulatorOptions),
    log: (line) => logs.push(line),
  });
  const server = createProxyServer((req, res) => middleware(req, res, () => res.writeHead(404).end()));
  return track(server, simulator, logs, hub);
}

function stats(tracked: Tracked): ServerStats {
  const records = tracked.simulator?.records ?? [];
  return {
    sockets: tracked.counts.sockets,
    inflight: tracked.counts.inflight,
    records: { total: records.length, finished: records.filter((r) => r.finished).length, clientWentAway: records.filter((r) => r.clientWentAway).length },
    logLines: tracked.logs.length,
    keyInLog: tracked.logs.some((line) => line.includes(BENCH_KEY)),
    kept: tracked.hub?.stats() ?? { streams: 0, running: 0, bytes: 0 },
  };
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const [role, upstream] = process.argv.slice(2);
  const servers: Record<string, Tracked> =
    role === 'upstream' ? { upstream: directSimulator() } : { 'proxy-sim': proxy(null), 'proxy-forward': proxy(upstream ?? 'http://127.0.0.1:1') };
  const ports: Record<string, number> = {};
  for (const [name, tracked] of Object.entries(servers)) {
    await new Promise<void>((resolve) => tracked.server.listen(0, '127.0.0.1', resolve));
    const address = tracked.server.address();
    ports[name] = typeof address === 'object' && address !== null ? address.port : 0;
  }
  process.on('message', (message: unknown) => {
    if (!isParentMessage(message)) return;
    if (message.gc) {
      // Twice: the first pass may only finalise what the second frees.
      globalThis.gc?.();
      globalThis.gc?.();
    }
    const memory = process.memoryUsage();
    const out: Record<string, ServerStats> = {};
    for (const [name, tracked] of Object.entries(servers)) out[name] = stats(tracked);
    const cpu = process.cpuUsage();
    send({ type: 'stats', stats: { heapUsed: memory.heapUsed, external: memory.external, rss: memory.rss, cpuMicros: cpu.user + cpu.system, servers: out } });
  });
  // The parent going away ends the child: no orphaned servers.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', ports });
}

void main();
