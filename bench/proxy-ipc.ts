// Messages between bench/proxy.ts and its server processes (bench/proxy-child.ts).
// Servers run in their own processes so that the proxy's memory is measured
// without the benchmark client's buffers, as `npm start` would run it.

export interface ServerStats {
  /** Open TCP connections to this server. */
  readonly sockets: number;
  /** Requests whose response is not finished yet. */
  readonly inflight: number;
  /** From the simulator's records (zero where no simulator answers). */
  readonly records: { readonly total: number; readonly finished: number; readonly clientWentAway: number };
  /** Lines the proxy logged (failures); the bench expects none and checks they never hold the key. */
  readonly logLines: number;
  readonly keyInLog: boolean;
  /** The proxy's kept streams (server/proxy/stream-hub.ts): how many, how many still running, their buffers. */
  readonly kept: { readonly streams: number; readonly running: number; readonly bytes: number };
}

export interface ChildStats {
  readonly heapUsed: number;
  /** Memory outside the V8 heap held by JS objects (Buffers, fetch bodies). */
  readonly external: number;
  readonly rss: number;
  /** process.cpuUsage(), user + system, in microseconds since the process started. */
  readonly cpuMicros: number;
  readonly servers: Readonly<Record<string, ServerStats>>;
}

export type ChildMessage = { readonly type: 'ready'; readonly ports: Readonly<Record<string, number>> } | { readonly type: 'stats'; readonly stats: ChildStats };

export type ParentMessage = { readonly type: 'stats'; readonly gc: boolean };

export function isChildMessage(value: unknown): value is ChildMessage {
  return typeof value === 'object' && value !== null && 'type' in value && (value.type === 'ready' || value.type === 'stats');
}

export function isParentMessage(value: unknown): value is ParentMessage {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'stats';
}

/** A key that must never show up anywhere the bench can see. */
// Built at run time so no key-shaped string sits in the source (secret scanners flag them).
export const BENCH_KEY = ['sk', 'ant', 'api03', 'BENCH-SENTINEL-e1b2c3d4'].join('-');
