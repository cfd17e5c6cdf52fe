// npm run bench:proxy (npx tsx bench/proxy.ts): the proxy under load, on loopback only.
// 200 concurrent streaming requests of about 2,000 events each, in three ways:
//   direct         straight to the simulator (a plain HTTP server around it: the baseline)
//   proxy-sim      through the proxy without a key (its simulator answers, as `npm start` without a key)
//   proxy-forward  through the proxy with a key, forwarding to the direct server (the real-API path)
// Checks: every proxied stream's text equals the direct stream's for the same
// request (no cross-talk, nothing lost); aborted clients are recorded by the
// simulator as clientWentAway; connections and in-flight requests return to
// zero; the proxy process's heap returns near its start. Hard cap: 120 s.
import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { isChildMessage, type ChildStats, type ParentMessage } from './proxy-ipc';
import { report, round, run, TOKENS, type Meter, type Round } from './proxy-rounds';
import { contentProblems, mb } from './proxy-stats';
import { BENCH_STREAMS } from './proxy-child';
import { pairedLatency, reattachOnce } from './proxy-reattach';

const STREAMS = 200;
const ABORTS = 20;
const HARD_CAP_MS = 180_000;
/** Heap + external growth allowed after everything finished and two GCs: caches and JIT code, not per-request leftovers. */
const HEAP_SLACK = 16 * 1024 * 1024;
/** Round 2 moves as much data as round 1; RSS may keep pages, but a leak would add tens of MB per round. */
const RSS_ROUND_SLACK = 32 * 1024 * 1024;
const signed = (bytes: number) => `${bytes >= 0 ? '+' : '-'}${mb(Math.abs(bytes))}`;
const ROOT = resolve(import.meta.dirname, '..');

interface Child {
  readonly ports: Readonly<Record<string, number>>;
  stats(gc: boolean): Promise<ChildStats>;
  stop(): void;
}

const children: Child[] = [];
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

function startChild(args: readonly string[]): Promise<Child> {
  const child = fork(resolve(ROOT, 'bench/proxy-child.ts'), [...args], { cwd: ROOT, execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let onStats: (stats: ChildStats) => void = () => undefined;
  return new Promise((resolveReady, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`server process ${args[0] ?? ''} exited (${code ?? 'signal'})`)));
    child.on('message', (message: unknown) => {
      if (!isChildMessage(message)) return;
      if (message.type === 'stats') {
        onStats(message.stats);
        return;
      }
      const handle: Child = {
        ports: message.ports,
        stats: (gc) =>
          new Promise((done) => {
            onStats = done;
            const command: ParentMessage = { type: 'stats', gc };
            child.send(command);
          }),
        stop: () => child.kill(),
      };
      children.push(handle);
      resolveReady(handle);
    });
  });
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) return -1;
    await new Promise((r) => setTimeout(r, 100));
  }
  return (performance.now() - started) / 1000;
}

function port(child: Child, name: string): number {
  const value = child.ports[name];
  if (value === undefined) throw new Error(`no port for ${name}`);
  return value;
}

async function main(): Promise<void> {
  const upstream = await startChild(['upstream']);
  const proxy = await startChild(['proxy', `http://127.0.0.1:${port(upstream, 'upstream')}`]);
  const targets = { direct: port(upstream, 'upstream'), 'proxy-sim': port(proxy, 'proxy-sim'), 'proxy-forward': port(proxy, 'proxy-forward') };
  console.log(`bench:proxy — ${STREAMS} concurrent streams × /sim long ${TOKENS} fast, loopback only, hard cap ${HARD_CAP_MS / 1000} s`);

  for (const target of Object.values(targets)) await run(target, 20, { fast: true, concurrent: true });
  const before = await proxy.stats(true);

  // Unloaded (one stream at a time: per-event differences are the proxy's own cost), then
  // loaded, twice: on a shared machine one round can be disturbed, so both are shown.
  const meter: Meter = async () => ({ proxy: (await proxy.stats(false)).cpuMicros, upstream: (await upstream.stats(false)).cpuMicros });
  const single = await round(targets, 20, false, meter);
  const loaded: Round[] = [];
  const peaks: ChildStats[] = [];
  const settled: ChildStats[] = [];
  // Each round's streams are kept for the retention time: memory is compared once they are let go.
  const keptGone = () =>
    until(async () => {
      const s = await proxy.stats(false);
      return Object.values(s.servers).every((server) => server.kept.streams === 0);
    }, BENCH_STREAMS.retentionMs + 5000);
  for (let i = 0; i < 2; i++) {
    loaded.push(await round(targets, STREAMS, true, meter));
    peaks.push(await proxy.stats(false));
    await keptGone();
    settled.push(await proxy.stats(true));
  }

  const events = loaded.flatMap((r) => r.direct.results.map((s) => s.events));
  console.log(`\nevents per stream ${Math.min(...events)}–${Math.max(...events)} (mean ${(events.reduce((a, b) => a + b, 0) / events.length).toFixed(0)})`);
  console.log('added latency vs direct (method: bench/proxy-stats.ts):');
  report('one at a time', single, true);
  loaded.forEach((r, i) => report(`${STREAMS} concurrent, round ${i + 1}`, r, false));

  console.log('\nchecks:');
  const direct = loaded.map((r) => r.direct.results);
  check(direct.every((d) => new Set(d.map((r) => r.text)).size === STREAMS && contentProblems(d, d).length === 0), `direct: ${STREAMS} complete streams with ${STREAMS} distinct texts per round (so cross-talk would show)`);
  check(loaded.every((r) => contentProblems(loaded[0]?.direct.results ?? [], r.direct.results).length === 0), 'direct: the simulator is deterministic per request across rounds');
  for (const mode of ['sim', 'forward'] as const) {
    const problems = [single, ...loaded].flatMap((r) => contentProblems(r.direct.results, r[mode].results));
    check(problems.length === 0, `proxy-${mode}: every stream's text and event count equal the direct stream's${problems.length > 0 ? ` — ${problems.slice(0, 3).join('; ')}` : ''}`);
  }

  // Stop: paced streams (no `fast`) aborted after a few events, through both proxy modes.
  const wentAway = async () => {
    const [p, u] = [await proxy.stats(false), await upstream.stats(false)];
    return { sim: p.servers['proxy-sim']?.records.clientWentAway ?? 0, upstream: u.servers.upstream?.records.clientWentAway ?? 0 };
  };
  const awayBefore = await wentAway();
  await Promise.all([run(targets['proxy-sim'], ABORTS, { fast: false, concurrent: true, abortAfterEvents: 3 }), run(targets['proxy-forward'], ABORTS, { fast: false, concurrent: true, abortAfterEvents: 3 })]);
  // The proxy keeps a stream whose reader left for its grace period (BENCH_STREAMS.graceMs), then cancels it.
  await until(async () => {
    const now = await wentAway();
    return now.sim - awayBefore.sim >= ABORTS && now.upstream - awayBefore.upstream >= ABORTS;
  }, BENCH_STREAMS.graceMs + 3000);
  const awayAfter = await wentAway();
  check(awayAfter.sim - awayBefore.sim === ABORTS, `proxy-sim: ${awayAfter.sim - awayBefore.sim}/${ABORTS} aborted clients recorded by the simulator as clientWentAway`);
  check(awayAfter.upstream - awayBefore.upstream === ABORTS, `proxy-forward: ${awayAfter.upstream - awayBefore.upstream}/${ABORTS} aborted clients recorded by the upstream simulator as clientWentAway`);
  check(awayBefore.sim === 0 && awayBefore.upstream === 0, 'no completed stream was recorded as clientWentAway');

  // Kept streams: every stream's reader disconnects mid-stream and attaches again with Last-Event-ID.
  const dropAt = (k: number) => 50 + ((k * 37) % 1500);
  const reference = (await run(targets.direct, STREAMS, { fast: true, concurrent: true })).results;
  const kept = await Promise.all(Array.from({ length: STREAMS }, (_, k) => reattachOnce(targets['proxy-sim'], k, TOKENS, dropAt(k))));
  const keptPeak = (await proxy.stats(false)).servers['proxy-sim']?.kept ?? { streams: 0, running: 0, bytes: 0 };
  const mismatched = kept.flatMap((r, k) => (r.error === null && r.complete && r.text === reference[k]?.text && r.events === (reference[k]?.events ?? -1) ? [] : [`#${k}: ${r.error ?? (r.complete ? 'text differs' : 'incomplete')}`]));
  console.log(`\nkept streams: ${STREAMS} concurrent, each reader dropped after 50-1,549 events and attached again; buffers ${mb(keptPeak.bytes)} for ${keptPeak.streams} streams right after (limit ${mb(BENCH_STREAMS.maxTotalBytes)})`);
  check(mismatched.length === 0, `proxy-sim: every reattached stream equals its direct stream, event for event${mismatched.length > 0 ? ` — ${mismatched.slice(0, 3).join('; ')}` : ''}`);
  check(keptPeak.bytes <= BENCH_STREAMS.maxTotalBytes, 'kept buffers within their total limit');
  const released = await until(async () => {
    const s = await proxy.stats(false);
    return Object.values(s.servers).every((server) => server.kept.streams === 0 && server.kept.bytes === 0);
  }, BENCH_STREAMS.retentionMs + 5000);
  check(released >= 0, `kept streams let go after the retention time (${BENCH_STREAMS.retentionMs / 1000} s here)${released >= 0 ? `: none left after ${released.toFixed(1)} s` : ''}`);

  // Added latency per event, paired: the same paced request straight to the simulator and through the forwarding proxy.
  const latency = await pairedLatency(targets.direct, targets['proxy-forward'], 20);
  console.log(
    `added latency per event, paired, each stream timed from its response headers (20 paced streams at 400 tokens/s through proxy-forward, ${latency.events} events): p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms, max ${latency.max.toFixed(2)} ms (targets p50 < 1 ms, p99 < 5 ms); the request's way through the proxy to its response headers: p50 ${latency.firstEventP50.toFixed(2)} ms`,
  );
  check(latency.p50 < 1 && latency.p99 < 5, 'paired added latency within its targets');

  // Idle keep-alive sockets from the proxy's fetch to the upstream close after about 4 s.
  const drained = await until(async () => {
    const [p, u] = [await proxy.stats(false), await upstream.stats(false)];
    return [...Object.values(p.servers), ...Object.values(u.servers)].every((s) => s.sockets === 0 && s.inflight === 0);
  }, 15_000);
  check(drained >= 0, `open connections and in-flight requests (clients→proxy, proxy→upstream, simulators) back to 0${drained >= 0 ? ` after ${drained.toFixed(1)} s` : ' — still open after 15 s'}`);

  const after = await proxy.stats(true);
  const offHeap = (x: ChildStats) => x.heapUsed + x.external;
  const peakRss = Math.max(...peaks.map((p) => p.rss));
  console.log(`\nproxy process memory: heap+external ${mb(offHeap(before))} at start → ${peaks.map((p) => mb(offHeap(p))).join(', ')} right after each round → ${mb(offHeap(after))} at the end (after GC)`);
  console.log(`  RSS ${mb(before.rss)} at start → peak ${mb(peakRss)} → ${settled.map((p) => mb(p.rss)).join(', ')} after each round (GC) → ${mb(after.rss)} at the end`);
  console.log('  (RSS keeps pages the allocator has freed but not returned; a leak would grow it round after round)');
  check(offHeap(after) - offHeap(before) < HEAP_SLACK, `proxy heap + external memory back near its start (${signed(offHeap(after) - offHeap(before))}, limit +${mb(HEAP_SLACK)})`);
  const [first, second] = settled;
  const growth = first !== undefined && second !== undefined ? second.rss - first.rss : Number.NaN;
  check(growth < RSS_ROUND_SLACK, `proxy RSS does not grow from round to round (${signed(growth)} from round 1 to round 2, limit +${mb(RSS_ROUND_SLACK)})`);
  const logs = Object.values(after.servers);
  check(logs.every((s) => s.logLines === 0 && !s.keyInLog), `proxy logged no failures (${logs.reduce((n, s) => n + s.logLines, 0)} lines) and never the key`);
}

const cap = setTimeout(() => {
  console.log(`\nFAIL: not finished within the ${HARD_CAP_MS / 1000} s hard cap`);
  for (const child of children) child.stop();
  process.exit(1);
}, HARD_CAP_MS);

main()
  .catch((error: unknown) => failures.push(`bench error: ${error instanceof Error ? error.message : String(error)}`))
  .finally(() => {
    clearTimeout(cap);
    for (const child of children) child.stop();
    console.log(failures.length === 0 ? '\nPASS: bench:proxy' : `\nFAIL: bench:proxy — ${failures.length} check(s) failed:\n  ${failures.join('\n  ')}`);
    process.exit(failures.length === 0 ? 0 : 1);
  });
