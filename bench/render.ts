// npm run bench:render — the issue's rendering targets, measured in one run,
// each side by side with the naive renderer:
//
//  1. builds the app twice with Vite's build() into a temp dir (see
//     render/build.ts): as it is, and "naive", the same app with a markdown
//     renderer that re-parses the whole message into innerHTML on every
//     frame's update;
//  2. serves each build with the real proxy and the simulator in this process
//     (127.0.0.1, port 0), one server per simulator pace;
//  3. drives Chromium through three rate scenarios (render/scenario.ts), run
//     by run, alternating the builds so load changes hit both alike:
//     - real rate: `/sim long 4000` at 200 tokens/s: long tasks, every frame
//       painted (p95/p99 gap between animation frames), the last byte
//       written by the simulator → the answer's text in the DOM, main-thread
//       time per second of streaming, and the first token (simulator → DOM);
//     - 10x: `/sim long 10000` at 2,000 tokens/s: long tasks, p99 frame gap,
//       last byte → DOM;
//     - burst: `/sim long 20000 fast` while a key is typed into the composer
//       every 12 ms: long tasks, key press → next frame, last byte → the
//       whole answer formatted (every block present, none plain text);
//  4. sizes the initial JavaScript (entry + modulepreloads, gzipped);
//  5. memory (render/memory.ts), both builds: 30 answers of 20,000 tokens in
//     one conversation, then "New chat" and forced GCs: the page's JS heap
//     against where it started;
//  6. the long conversation (500 messages, informational);
//  7. prints every figure with its target and exits 1 when a gated target of
//     the app is missed.
//
// `--ab <git-ref>`: builds the app at <git-ref> from a git worktree (render/
// ab.ts) and measures it against the app as it is, alternating run by run, on
// the three rate scenarios (no naive build, no memory or long conversation).
//
// Options: --runs N (default 3), --ab <git-ref>, --only real,tenx,burst,
// --no-memory, --memory-cap <s> (per build, default 180), --no-long,
// --profile (trace and CPU-profile one extra app run per scenario and the
// long conversation, and say where the time goes). Hard caps everywhere;
// everything started is stopped.
import { rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { addWorktree, removeWorktree, type Worktree } from './render/ab';
import { buildAt, buildMode, initialJs, tempDir, type Built, type InitialJs } from './render/build';
import { longConversation, type LongConversation, type LongDiagnostics } from './render/long-conversation';
import { ANSWERS, memoryRun, type MemoryResult } from './render/memory';
import { launch, probe } from './render/page';
import { PROBE_SCRIPT } from './render/probe';
import { longStretches, summarise } from './render/profile';
import { fmtMs, fmtNum, heading, printTable, type Figure } from './render/report';
import { SCENARIO_NAMES, SCENARIOS, scenarioRun, type ScenarioName, type ScenarioRun } from './render/scenario';
import { serveBuild, simulatorAt, type BenchServer } from './render/server';
import { gaps, median, ms, percentile } from './render/stats';
import type { TracedTask } from './render/trace';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    ab: { type: 'string' },
    only: { type: 'string' },
    'no-memory': { type: 'boolean', default: false },
    'memory-cap': { type: 'string', default: '180' },
    'no-long': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});
const RUNS = Math.max(1, Math.min(9, Number(args.runs) || 3));
const AB = args.ab;
const ONLY: readonly ScenarioName[] = args.only === undefined ? SCENARIO_NAMES : SCENARIO_NAMES.filter((n) => args.only?.split(',').includes(n));
if (ONLY.length === 0) throw new Error(`--only takes some of ${SCENARIO_NAMES.join(',')}`);
const MEMORY = AB === undefined && !args['no-memory'];
const MEMORY_CAP_MS = Math.max(30, Math.min(900, Number(args['memory-cap']) || 180)) * 1000;
const LONG = AB === undefined && !args['no-long'];
/** One run of the three scenarios on both builds takes about a minute here (the 200 tokens/s answers alone 40 s); the cap leaves room for a loaded machine. */
const HARD_CAP_MS =
  300_000 + RUNS * ONLY.length * 120_000 + (MEMORY ? MEMORY_CAP_MS * 2 + 60_000 : 0) + (LONG ? 180_000 : 0) + (args.profile ? ONLY.length * 120_000 : 0);

/** --profile: the trace breaks down every main-thread task longer than a frame. */
const TRACE_TASK_MS = 16;

const started = Date.now();
const elapsed = () => ((Date.now() - started) / 1000).toFixed(0);
const log = (line: string) => console.log(`[${elapsed().padStart(4)} s] ${line}`);

let browser: Browser | undefined;
const servers: BenchServer[] = [];
let temp: string | undefined;
let worktree: Worktree | undefined;

async function cleanup(): Promise<void> {
  await browser?.close().catch(() => undefined);
  browser = undefined;
  await Promise.all(servers.splice(0).map((s) => s.close().catch(() => undefined)));
  if (worktree !== undefined) await removeWorktree(worktree);
  worktree = undefined;
  if (temp !== undefined) await rm(temp, { recursive: true, force: true }).catch(() => undefined);
  temp = undefined;
}

const hardCap = setTimeout(() => {
  console.error(`bench:render: hard cap of ${(HARD_CAP_MS / 1000).toFixed(0)} s reached; stopping.`);
  void cleanup().finally(() => process.exit(2));
}, HARD_CAP_MS);
hardCap.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface Calibration {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly rafP95: number;
}

/** An idle page's frame gaps and rAF latency right now: what the machine allows. */
async function calibrate(b: Browser): Promise<Calibration> {
  const context = await b.newContext();
  try {
    await context.addInitScript({ content: PROBE_SCRIPT });
    const page = await context.newPage();
    await page.goto('data:text/html,<p>idle</p>');
    const frameGaps = gaps(await probe<number[]>(page, 'idleFrames', 1500));
    const latency = await probe<number[]>(page, 'rafLatency', 20);
    return { p50: median(frameGaps), p95: percentile(frameGaps, 95), p99: percentile(frameGaps, 99), max: Math.max(...frameGaps), rafP95: percentile(latency, 95) };
  } finally {
    await context.close().catch(() => undefined);
  }
}

function printTasks(title: string, tasks: readonly TracedTask[]): void {
  console.log(`  ${title}: ${tasks.length === 0 ? 'none' : ''}`);
  for (const t of tasks) console.log(`    @${t.startMs.toFixed(0)} ms, ${t.durationMs.toFixed(0)} ms: ${t.parts.map((p) => `${p.name} ${p.ms.toFixed(0)}`).join(', ')}`);
}

/** A run that failed: every figure NaN, so a gate on it misses. */
function failedRun(build: string, scenario: ScenarioName): ScenarioRun {
  const nan = Number.NaN;
  const token = { sentToDomMs: nan, sentToFrameMs: nan, arrivedToDomMs: nan, serverText: null, domText: '' };
  const metrics = { taskMs: nan, scriptMs: nan, layoutMs: nan, styleMs: nan, nodes: nan, heapMb: nan };
  return {
    build, scenario, chars: nan, streamMs: nan, arrivalMs: nan, longTaskCount: nan, longTaskTotalMs: nan, longestTaskMs: nan, frames: nan, p95GapMs: nan, p99GapMs: nan, longestGapMs: nan,
    lastByteToDomMs: nan, receivedToDomMs: nan, formattedMs: nan, blocksExpected: nan, blocksFound: nan, lastTag: null, busy: metrics, busyPerSecond: nan, busySettled: metrics, keys: null,
    firstToken: token, firstTokenMeasured: token, clockOffsetMs: nan, clockRttMs: nan,
  };
}

function describe(run: ScenarioRun): string {
  const keys = run.keys === null ? '' : `, keys ${run.keys.count} p95 ${ms(run.keys.p95Ms)}`;
  const formatted = run.scenario === 'burst' ? `, → formatted ${ms(run.formattedMs)} (${run.blocksFound}/${run.blocksExpected} blocks)` : '';
  return `${run.chars.toLocaleString('en-US')} chars in ${ms(run.streamMs)}; longest task ${ms(run.longestTaskMs)} (${run.longTaskCount}); frame gap p95 ${ms(run.p95GapMs, 1)} p99 ${ms(run.p99GapMs, 1)}; last byte → DOM ${ms(run.lastByteToDomMs)}${formatted}; main thread ${ms(run.busyPerSecond)}/s${keys}; first token ${ms(run.firstToken.sentToDomMs)}`;
}

async function main(): Promise<number> {
  log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min); ${RUNS} run${RUNS === 1 ? '' : 's'} per build; hard cap ${(HARD_CAP_MS / 1000).toFixed(0)} s`);

  // 1. Builds: the app, and the naive build or the app at the A/B ref.
  temp = await tempDir();
  const builds: Built[] = [await buildMode(temp, 'app')];
  if (AB === undefined) builds.push(await buildMode(temp, 'naive'));
  else {
    worktree = await addWorktree(temp, AB);
    log(`worktree of ${worktree.commit} at ${worktree.dir}`);
    builds.push(await buildAt(temp, worktree.dir, worktree.label));
    await removeWorktree(worktree);
    worktree = undefined;
  }
  const columns = builds.map((b) => b.label);
  log(`built ${builds.map((b) => `${b.label} in ${b.seconds.toFixed(1)} s`).join(', ')} (${temp})`);

  // 4. Initial JavaScript.
  const js: InitialJs[] = await Promise.all(builds.map((b) => initialJs(b.dir)));

  // 2. Servers: each build at each pace its scenarios need.
  const rates = [...new Set(ONLY.map((n) => SCENARIOS[n].tokensPerSecond))];
  const serverOf: Array<Map<number, BenchServer>> = [];
  for (const b of builds) {
    const byRate = new Map<number, BenchServer>();
    for (const rate of rates) {
      const server = await serveBuild(b.dir, simulatorAt(rate));
      servers.push(server);
      byRate.set(rate, server);
    }
    serverOf.push(byRate);
  }
  browser = await launch();
  log(`Chromium ${browser.version()}; ${columns.map((c, i) => `${c} at ${[...(serverOf[i]?.values() ?? [])].map((s) => s.url).join(' + ')}`).join(', ')}`);
  const calibration = await calibrate(browser);
  log(`calibration, an idle page now: frame gap p50 ${ms(calibration.p50, 1)}, p95 ${ms(calibration.p95, 1)}, p99 ${ms(calibration.p99, 1)}, longest ${ms(calibration.max)}; rAF latency p95 ${ms(calibration.rafP95, 1)}`);

  // 3. The rate scenarios, run by run, the builds' order alternating.
  const runs: Record<ScenarioName, ScenarioRun[][]> = { real: builds.map(() => []), tenx: builds.map(() => []), burst: builds.map(() => []) };
  const failures: string[] = [];
  const scenarioStarted = Date.now();
  for (let i = 0; i < RUNS; i++) {
    for (const name of ONLY) {
      const scenario = SCENARIOS[name];
      const order = builds.map((_, c) => c);
      if (i % 2 === 1) order.reverse();
      for (const c of order) {
        const build = builds[c] as Built;
        const server = serverOf[c]?.get(scenario.tokensPerSecond) as BenchServer;
        let run: ScenarioRun;
        try {
          run = await scenarioRun(browser, server, build.label, scenario);
          log(`${name.padEnd(5)} ${build.label.padEnd(12)} run ${i + 1}: ${describe(run)}`);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          failures.push(`${name} ${build.label} run ${i + 1}: ${message}`);
          log(`${name.padEnd(5)} ${build.label.padEnd(12)} run ${i + 1} FAILED: ${message}`);
          run = failedRun(build.label, name);
        }
        runs[name][c]?.push(run);
      }
    }
  }
  const scenarioSeconds = (Date.now() - scenarioStarted) / 1000;

  // --profile: where the time goes in one traced and one CPU-profiled app run of each scenario.
  const profileText: string[] = [];
  if (args.profile) {
    const app = builds[0] as Built;
    for (const name of ONLY) {
      const scenario = SCENARIOS[name];
      const server = serverOf[0]?.get(scenario.tokensPerSecond) as BenchServer;
      try {
        const traced = await scenarioRun(browser, server, app.label, scenario, { trace: TRACE_TASK_MS });
        const profiled = await scenarioRun(browser, server, app.label, scenario, { profile: true });
        const out = (line: string) => profileText.push(line);
        out('');
        out(`Profile of app runs of ${scenario.title} (one traced, one CPU-profiled; both slow the page down):`);
        out(`  traced run: ${describe(traced)}`);
        const tasks = traced.tracedTasks ?? [];
        out(`  main-thread tasks over ${TRACE_TASK_MS} ms in the trace (${tasks.length}; the longest ${Math.min(tasks.length, 30)} in order, ms by kind; "other" is work no trace event names):`);
        const shown = new Set([...tasks].sort((a, b) => b.durationMs - a.durationMs).slice(0, 30));
        for (const t of tasks.filter((x) => shown.has(x))) out(`    @${t.startMs.toFixed(0)} ms, ${t.durationMs.toFixed(0)} ms: ${t.parts.map((p) => `${p.name} ${p.ms.toFixed(0)}`).join(', ')}`);
        if (profiled.profile !== undefined) {
          out(`  profiled run: ${describe(profiled)}`);
          out(`  long stretches in the CPU profile, by function (src/ and libraries; "(program)" is the browser's own work):`);
          for (const s of await longStretches(profiled.profile, app.dir)) {
            out(`    @${s.startMs.toFixed(0)} ms, ${s.durationMs.toFixed(0)} ms`);
            out(`      self:  ${s.bySelf.slice(0, 5).map((r) => `${r.where} ${r.selfMs.toFixed(0)}`).join(' | ')}`);
            out(`      total: ${s.byTotal.slice(0, 6).map((r) => `${r.where} ${r.totalMs.toFixed(0)}`).join(' | ')}`);
          }
          const whole = await summarise(profiled.profile, app.dir, 60);
          out(`  whole run, self time (top 12):`);
          for (const r of whole.bySelf.slice(0, 12)) out(`    ${r.selfMs.toFixed(0).padStart(6)} ms  ${r.where}`);
          out(`  whole run, total time by function (src/ only):`);
          for (const r of whole.byTotal.filter((x) => x.where.startsWith('src/')).slice(0, 15)) out(`    ${r.totalMs.toFixed(0).padStart(6)} ms  ${r.where}`);
        }
      } catch (error) {
        profileText.push(`Profile of ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  // 5. Memory.
  const memory: Array<MemoryResult | null> = builds.map(() => null);
  const memoryErrors: string[] = [];
  if (MEMORY) {
    for (let c = 0; c < builds.length; c++) {
      const build = builds[c] as Built;
      const server = serverOf[c]?.values().next().value as BenchServer;
      try {
        const result = await memoryRun(browser, server, build.label, MEMORY_CAP_MS);
        memory[c] = result;
        log(`memory ${build.label}: ${result.answers} answers in ${result.seconds.toFixed(0)} s${result.capped ? ` (stopped at the ${MEMORY_CAP_MS / 1000} s cap)` : ''}; heap ${result.startMb.toFixed(1)} MB at the start, ${result.afterFirstMb.toFixed(1)} after one answer, ${result.beforeSwitchMb.toFixed(1)} after all, ${result.endMb.toFixed(1)} after New chat (GC'd); answers took ${ms(median([...result.answerMs]))} median, ${ms(Math.max(...result.answerMs))} longest; the last one ${result.lastChars.toLocaleString('en-US')} characters`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        memoryErrors.push(`${build.label}: ${message}`);
        log(`memory ${build.label} failed: ${message}`);
      }
    }
  }

  // 6. The long conversation.
  let long: (LongConversation & { readonly diagnostics?: LongDiagnostics }) | null = null;
  let longError: string | null = null;
  if (LONG) {
    const budget = Math.max(30_000, Math.min(150_000, HARD_CAP_MS - 30_000 - (Date.now() - started)));
    try {
      const app = builds[0] as Built;
      long = await longConversation(browser, serverOf[0]?.values().next().value as BenchServer, { budgetMs: budget, ...(args.profile ? { profile: { buildDir: app.dir } } : {}) });
      log(`long conversation: ${long.messages} messages, ${long.chars.toLocaleString('en-US')} chars`);
    } catch (error) {
      longError = error instanceof Error ? error.message : String(error);
      log(`long conversation failed: ${longError}`);
    }
  }

  // 7. Report.
  const figures: Figure[] = [];
  const per = (name: ScenarioName, f: (r: ScenarioRun) => number) => (runs[name] ?? []).map((list) => list.map(f));
  const only = (c: number, values: readonly number[]) => builds.map((_, i) => (i === c ? values : []));
  const ms0 = fmtMs(0);
  const ms1 = fmtMs(1);
  const le = (limit: number) => (v: number) => v <= limit;
  const longTask = (name: ScenarioName): Figure => ({ name: 'longest long task while streaming (none: 0)', values: per(name, (r) => r.longestTaskMs), format: ms0, target: '≤ 50 ms', ok: le(50), gate: true });
  const longTaskCount = (name: ScenarioName): Figure => ({ name: '  long tasks (> 50 ms) while streaming', values: per(name, (r) => r.longTaskCount), format: fmtNum(0), target: '', gate: false });
  const busy = (name: ScenarioName): Figure => ({ name: 'main thread busy per second of streaming', values: per(name, (r) => r.busyPerSecond), format: fmtNum(0, ' ms/s'), target: '', gate: false });
  const sendToComplete = (name: ScenarioName): Figure => ({ name: '  send → complete (answer characters)', values: per(name, (r) => r.streamMs), format: ms0, target: '', gate: false, note: `${per(name, (r) => r.chars).map((v) => fmtNum(0)(median(v))).join(' | ')} characters` });

  if (ONLY.includes('real')) {
    figures.push(heading(SCENARIOS.real.title));
    figures.push(longTask('real'), longTaskCount('real'));
    figures.push({ name: 'p95 gap between animation frames', values: per('real', (r) => r.p95GapMs), format: ms1, target: '≤ 17 ms', ok: le(17), gate: true });
    figures.push({ name: 'p99 gap between animation frames', values: per('real', (r) => r.p99GapMs), format: ms1, target: '≤ 34 ms', ok: le(34), gate: true });
    figures.push({ name: '  longest gap', values: per('real', (r) => r.longestGapMs), format: ms1, target: '', gate: false });
    figures.push({ name: 'last byte (simulator writes it) → text in DOM', values: per('real', (r) => r.lastByteToDomMs), format: ms0, target: '≤ 50 ms', ok: le(50), gate: true });
    figures.push({ name: '  … from the stream worker receiving it', values: per('real', (r) => r.receivedToDomMs), format: ms0, target: '', gate: false });
    figures.push(busy('real'), sendToComplete('real'));
    figures.push({ name: 'first token: simulator → DOM (fresh page)', values: per('real', (r) => r.firstToken.sentToDomMs), format: ms0, target: '≤ 50 ms', ok: le(50), gate: true });
    figures.push({ name: '  … → the next frame', values: per('real', (r) => r.firstToken.sentToFrameMs), format: ms0, target: '', gate: false });
    figures.push({ name: '  … of the 4,000-token answer (second)', values: per('real', (r) => r.firstTokenMeasured.sentToDomMs), format: ms0, target: '', gate: false });
  }
  if (ONLY.includes('tenx')) {
    figures.push(heading(SCENARIOS.tenx.title));
    figures.push(longTask('tenx'), longTaskCount('tenx'));
    figures.push({ name: 'p99 gap between animation frames', values: per('tenx', (r) => r.p99GapMs), format: ms1, target: '≤ 34 ms', ok: le(34), gate: true });
    figures.push({ name: '  p95 gap / longest gap', values: per('tenx', (r) => r.p95GapMs), format: ms1, target: '', gate: false, note: `longest ${per('tenx', (r) => r.longestGapMs).map((v) => ms1(median(v))).join(' | ')}` });
    figures.push({ name: 'last byte (simulator writes it) → text in DOM', values: per('tenx', (r) => r.lastByteToDomMs), format: ms0, target: '≤ 50 ms', ok: le(50), gate: true });
    figures.push({ name: '  … from the stream worker receiving it', values: per('tenx', (r) => r.receivedToDomMs), format: ms0, target: '', gate: false });
    figures.push(busy('tenx'), sendToComplete('tenx'));
  }
  if (ONLY.includes('burst')) {
    figures.push(heading(SCENARIOS.burst.title));
    figures.push(longTask('burst'), longTaskCount('burst'));
    figures.push({ name: 'typing: keydown → next animation frame, p95', values: per('burst', (r) => r.keys?.p95Ms ?? Number.NaN), format: ms0, target: '≤ 50 ms', ok: le(50), gate: true });
    figures.push({ name: '  … median / longest', values: per('burst', (r) => r.keys?.p50Ms ?? Number.NaN), format: ms0, target: '', gate: false, note: `longest ${per('burst', (r) => r.keys?.maxMs ?? Number.NaN).map((v) => ms0(median(v))).join(' | ')}; keys typed ${per('burst', (r) => r.keys?.count ?? Number.NaN).map((v) => fmtNum(0)(median(v))).join(' | ')}` });
    figures.push({
      name: '  … p95 of every key of every run, pooled',
      values: runs.burst.map((list) => [percentile(list.flatMap((r) => r.keys?.samples ?? []), 95)]),
      format: ms0,
      target: '',
      gate: false,
      note: `${runs.burst.map((list) => list.reduce((n, r) => n + (r.keys?.count ?? 0), 0)).join(' | ')} keys`,
    });
    figures.push({ name: 'last byte → whole answer formatted', values: per('burst', (r) => r.formattedMs), format: ms0, target: '≤ 1000 ms', ok: le(1000), gate: true });
    figures.push({
      name: '  blocks formatted / blocks in the answer',
      // The naive renderer has no blocks: its one subtree is formatted whole.
      values: per('burst', (r) => (r.blocksFound === 0 ? Number.NaN : (100 * r.blocksFound) / r.blocksExpected)),
      format: fmtNum(0, ' %'),
      target: '100 %',
      ok: (v) => v === 100,
      gate: true,
      note: `blocks ${per('burst', (r) => r.blocksExpected).map((v) => fmtNum(0)(median(v))).join(' | ')}`,
    });
    figures.push({ name: '  last byte → complete', values: per('burst', (r) => r.lastByteToDomMs), format: ms0, target: '', gate: false, note: `the simulator wrote the answer in ${per('burst', (r) => r.arrivalMs).map((v) => ms0(median(v))).join(' | ')} (first delta → last byte)` });
    figures.push({ name: '  p99 gap between animation frames', values: per('burst', (r) => r.p99GapMs), format: ms1, target: '', gate: false, note: `longest ${per('burst', (r) => r.longestGapMs).map((v) => ms1(median(v))).join(' | ')}` });
    figures.push(busy('burst'), sendToComplete('burst'));
  }
  figures.push(heading('size'));
  figures.push({ name: 'initial JS, gzipped', values: js.map((j) => [j.gzip / 1024]), format: fmtNum(1, ' KB'), target: '≤ 150 KB', ok: le(150), gate: true, note: `app: ${js[0]?.files.length} files, ${kb(js[0]?.bytes ?? 0)} raw, CSS ${kb(js[0]?.cssGzip ?? 0)} more` });
  if (MEMORY) {
    figures.push(heading(`memory: ${ANSWERS} answers of \`/sim long 20000 fast\` in one conversation, then New chat and GC`));
    const mem = (f: (m: MemoryResult) => number) => memory.map((m) => (m === null ? [] : [f(m)]));
    const first = memory[0] ?? null;
    const note = first === null ? `not measured: ${memoryErrors.join('; ')}` : `${first.answers} answers in ${first.seconds.toFixed(0)} s${first.capped ? `, stopped at the ${MEMORY_CAP_MS / 1000} s cap` : ''}; ${first.startMb.toFixed(1)} MB at the start → ${first.beforeSwitchMb.toFixed(1)} MB in the conversation → ${first.endMb.toFixed(1)} MB after New chat`;
    figures.push({ name: 'JS heap after New chat + GC − at the start', values: memory[0] === null ? [[Number.NaN]] : mem((m) => (m.capped ? Number.NaN : m.endMb - m.startMb)), format: fmtNum(1, ' MB'), target: '≤ 20 MB', ok: le(20), gate: true, note });
    if (first !== null && first.capped) figures.push({ name: `  … after the ${first.answers} answers done by the cap`, values: mem((m) => m.endMb - m.startMb), format: fmtNum(1, ' MB'), target: '', gate: false });
    figures.push({ name: '  in the conversation, GC\'d − at the start', values: mem((m) => m.beforeSwitchMb - m.startMb), format: fmtNum(1, ' MB'), target: '', gate: false });
    figures.push({ name: '  one answer, send → complete (median)', values: mem((m) => median([...m.answerMs])), format: ms0, target: '', gate: false, note: `first ${memory.map((m) => ms0(m?.answerMs[0] ?? Number.NaN)).join(' | ')}, last ${memory.map((m) => ms0(m?.answerMs.at(-1) ?? Number.NaN)).join(' | ')}` });
  }
  if (long !== null) {
    figures.push(heading(`long conversation: ${long.messages} messages, ${(long.chars / 1e6).toFixed(2)}M characters (app; informational)`));
    const one = (v: number) => only(0, [v]);
    figures.push({ name: 'import', values: one(long.importMs), format: ms0, target: '', gate: false });
    figures.push({ name: 'switch to it: click → its newest message in DOM', values: one(long.switchDomMs), format: ms0, target: '≤ 500 ms (advisory)', ok: le(500), gate: false, note: `painted at ${ms0(long.switchFrameMs)}; ${long.switchArticles} of ${long.messages} messages rendered; longest task ${ms0(long.switchLongestTaskMs)}` });
    figures.push({ name: 'typing: key → next frame, p95', values: one(long.typingP95Ms), format: ms0, target: '≤ 50 ms (advisory)', ok: le(50), gate: false, note: `median ${ms0(long.typingMedianMs)}, longest ${ms0(long.typingMaxMs)}, ${long.typed} keys` });
    figures.push({ name: 'wheel scroll top → bottom: p99 frame gap', values: one(long.scrollP99GapMs), format: ms1, target: '< 50 ms (advisory)', ok: (v) => v < 50, gate: false, note: `longest ${ms0(long.scrollLongestGapMs)}; ${(long.scrollPx / 1000).toFixed(0)}k px in ${ms0(long.scrollMs)}${long.scrollReachedBottom ? '' : ', stopped at the time cap'}; ${long.scrollLongTasks} long tasks, longest ${ms0(long.scrollLongestTaskMs)}` });
    figures.push({ name: 'DOM elements / JS heap', values: one(long.elements), format: fmtNum(0), target: '', gate: false, note: `${long.heapMb.toFixed(0)} MB` });
  } else if (longError !== null) {
    figures.push(heading(`long conversation: not measured (${longError})`));
  }

  const title = `Rendering targets: median of ${RUNS} run${RUNS === 1 ? '' : 's'} per build (min–max); the first column is gated, the others are for comparison`;
  const missed = printTable(title, columns, figures);
  for (const line of profileText) console.log(line);
  if (long?.diagnostics !== undefined) {
    console.log('');
    console.log('Long conversation, traced (main-thread tasks by kind):');
    printTasks('switching', long.diagnostics.switchTasks);
    console.log(`  switching, total time by function: ${long.diagnostics.switchProfile.slice(0, 10).map((r) => `${r.where} ${r.totalMs.toFixed(0)}`).join(' | ')}`);
    printTasks('typing (tasks over 16 ms)', long.diagnostics.typingTasks);
    printTasks('scrolling (first 40 ticks)', long.diagnostics.scrollTasks);
  }
  if (failures.length > 0) {
    console.log('');
    console.log('Runs that failed (their figures count as n/a):');
    for (const f of failures) console.log(`  ${f}`);
  }
  const clock = runs[ONLY[0] as ScenarioName][0] ?? [];
  console.log(
    `\nMachine: ${cpus().length} cores shared; load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' / ')}; idle-page calibration at the start: frame gap p50 ${ms(calibration.p50, 1)}, p95 ${ms(calibration.p95, 1)}, p99 ${ms(calibration.p99, 1)}, longest ${ms(calibration.max)}; server − page clock ${ms(median(clock.map((r) => r.clockOffsetMs)), 2)} (round trip ${ms(median(clock.map((r) => r.clockRttMs)), 1)}).`,
  );
  console.log(`Time: scenarios ${scenarioSeconds.toFixed(0)} s${memory[0] !== null ? `, memory ${memory.map((m) => (m === null ? '' : `${m.seconds.toFixed(0)} s`)).filter(Boolean).join(' + ')}` : ''}, whole bench ${elapsed()} s.`);
  log(`done; load average now ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
  if (missed.length > 0) console.log(`\n${missed.length} target${missed.length === 1 ? '' : 's'} missed: ${missed.join('; ')}.`);
  return missed.length > 0 || failures.length > 0 ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error('bench:render failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  code = 2;
} finally {
  await cleanup();
  clearTimeout(hardCap);
}
process.exit(code);
