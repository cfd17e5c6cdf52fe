// The measured runs of bench/proxy.ts: the same requests straight to the
// simulator and through both proxy modes, with wall time and, per process,
// CPU time (robust on a shared machine, where wall times are noisy).
import { benchBody, stream, type StreamResult } from './proxy-client';
import { addedLatency, ms } from './proxy-stats';

/** `/sim long 4000` is about 2,000 SSE events (1-3 tokens per delta). */
export const TOKENS = 4000;

export interface Cpu {
  readonly proxy: number;
  readonly upstream: number;
}

export interface Run {
  readonly results: readonly StreamResult[];
  readonly seconds: number;
  /** CPU microseconds each server process spent during the run (concurrent runs only). */
  readonly cpu: Cpu | null;
}

export interface Round {
  readonly direct: Run;
  readonly sim: Run;
  readonly forward: Run;
}

export type Targets = Readonly<Record<'direct' | 'proxy-sim' | 'proxy-forward', number>>;
export type Meter = () => Promise<Cpu>;

export interface RunOptions {
  readonly fast: boolean;
  readonly concurrent: boolean;
  readonly abortAfterEvents?: number;
  /** Index of the first request (requests are numbered; each number is a distinct request). */
  readonly first?: number;
}

export async function run(port: number, count: number, options: RunOptions, meter: Meter | null = null): Promise<Run> {
  const before = meter === null ? null : await meter();
  const started = performance.now();
  const one = (k: number) => stream(port, benchBody((options.first ?? 0) + k, TOKENS, options.fast), { timeoutMs: 60_000, abortAfterEvents: options.abortAfterEvents });
  const results: StreamResult[] = [];
  if (options.concurrent) results.push(...(await Promise.all(Array.from({ length: count }, (_, k) => one(k)))));
  else for (let k = 0; k < count; k++) results.push(await one(k));
  const seconds = (performance.now() - started) / 1000;
  const after = meter === null ? null : await meter();
  const cpu = before === null || after === null ? null : { proxy: after.proxy - before.proxy, upstream: after.upstream - before.upstream };
  return { results, seconds, cpu };
}

/** Concurrent: one batch per target in turn. One at a time: request k to each target in turn, so disturbances hit all three alike. */
export async function round(targets: Targets, count: number, concurrent: boolean, meter: Meter): Promise<Round> {
  if (concurrent) {
    const options = { fast: true, concurrent };
    return { direct: await run(targets.direct, count, options, meter), sim: await run(targets['proxy-sim'], count, options, meter), forward: await run(targets['proxy-forward'], count, options, meter) };
  }
  const runs: Record<keyof Round, Run[]> = { direct: [], sim: [], forward: [] };
  for (let k = 0; k < count; k++) {
    const options = { fast: true, concurrent, first: k };
    runs.direct.push(await run(targets.direct, 1, options));
    runs.sim.push(await run(targets['proxy-sim'], 1, options));
    runs.forward.push(await run(targets['proxy-forward'], 1, options));
  }
  const join = (list: readonly Run[]): Run => ({ results: list.flatMap((r) => r.results), seconds: list.reduce((t, r) => t + r.seconds, 0), cpu: null });
  return { direct: join(runs.direct), sim: join(runs.sim), forward: join(runs.forward) };
}

const eventsOf = (r: Run) => r.results.reduce((n, s) => n + s.events, 0);
const micros = (value: number) => `${value.toFixed(1)} µs`;

export function report(label: string, r: Round, paired: boolean): void {
  const rate = (x: Run) => `${x.seconds.toFixed(2)} s (${(eventsOf(x) / x.seconds / 1e3).toFixed(0)}k events/s)`;
  console.log(`  ${label}: wall time direct ${rate(r.direct)}, proxy-sim ${rate(r.sim)}, proxy-forward ${rate(r.forward)}`);
  for (const mode of ['sim', 'forward'] as const) {
    const l = addedLatency(r.direct.results, r[mode].results);
    const arrival = paired ? `; each event's arrival, paired: p50 ${ms(l.arrival.p50)}, p99 ${ms(l.arrival.p99)}` : '';
    console.log(`    proxy-${mode.padEnd(8)} added per event: p50 ${ms(l.perEvent.p50)}, p99 ${ms(l.perEvent.p99)}${arrival}`);
  }
  const { direct, sim, forward } = r;
  if (direct.cpu === null || sim.cpu === null || forward.cpu === null) return;
  console.log(
    `    CPU per event: direct ${micros(direct.cpu.upstream / eventsOf(direct))} (simulator process); proxy-sim ${micros(sim.cpu.proxy / eventsOf(sim))} ` +
      `(proxy + simulator, one process); proxy-forward ${micros(forward.cpu.proxy / eventsOf(forward))} in the proxy + ${micros(forward.cpu.upstream / eventsOf(forward))} upstream`,
  );
}
