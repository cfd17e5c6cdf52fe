// The detailed table of bench:render's streaming runs (app | naive, the
// per-delta reference, the sustained scenario): figures for reading, not
// targets (those are checked in render.ts).
import { ms, pick } from './stats';
import type { StreamRun } from './stream';

export interface StreamingTable {
  readonly runs: number;
  readonly app: readonly StreamRun[];
  readonly naive: readonly StreamRun[];
  readonly perDelta: StreamRun;
  readonly sustained: Readonly<Record<'app' | 'naive', readonly StreamRun[]>>;
  readonly prompt: string;
  readonly tokensPerSecond: number;
  readonly naiveDeltaCapMs: number;
  /** Main thread, naive fed per frame / app. */
  readonly ratio: number;
  /** Main thread, naive re-rendering per delta / app. */
  readonly deltaRatio: number;
}

export function printStreamingTable({ runs, app, naive, perDelta, sustained, prompt, tokensPerSecond, naiveDeltaCapMs, ratio, deltaRatio }: StreamingTable): void {
  console.log('');
  console.log(`Streaming \`/sim long 20000 fast\` (${runs} runs per build, medians; app | naive, one frame-coalesced update per frame):`);
  const both = (name: string, f: (r: StreamRun) => number, digits = 0) => console.log(`  ${name.padEnd(40)} ${ms(pick(app, f), digits).padStart(10)} | ${ms(pick(naive, f), digits).padStart(10)}`);
  console.log(`  ${'answer length (characters)'.padEnd(40)} ${String(pick(app, (r) => r.chars)).padStart(10)} | ${String(pick(naive, (r) => r.chars)).padStart(10)}`);
  both('send → complete', (r) => r.streamMs);
  console.log(`  ${'long tasks while streaming (count)'.padEnd(40)} ${String(pick(app, (r) => r.longTaskCount)).padStart(10)} | ${String(pick(naive, (r) => r.longTaskCount)).padStart(10)}`);
  both('long tasks, total', (r) => r.longTaskTotalMs);
  both('longest task', (r) => r.longestTaskMs);
  both('longest frame gap', (r) => r.longestGapMs, 1);
  both('p99 frame gap', (r) => r.p99GapMs, 1);
  console.log(`  ${'frames (send → complete)'.padEnd(40)} ${String(pick(app, (r) => r.frames)).padStart(10)} | ${String(pick(naive, (r) => r.frames)).padStart(10)}`);
  both('last byte (responseEnd) → complete', (r) => r.lastByteToRenderMs);
  both('last chunk read by JS → complete', (r) => r.lastChunkToRenderMs);
  both("last byte → worker's last batch", (r) => r.lastByteToWorkerMs);
  console.log(`  ${'blocks still plain text at complete'.padEnd(40)} ${String(pick(app, (r) => r.plainAtComplete)).padStart(10)} | ${String(pick(naive, (r) => r.plainAtComplete)).padStart(10)}`);
  both('last byte → every block formatted', (r) => r.lastByteToFormattedMs);
  both('main thread (CDP TaskDuration)', (r) => r.busy.taskMs);
  both('  of which until complete', (r) => r.busyAtComplete.taskMs);
  both('  of which script', (r) => r.busy.scriptMs);
  both('  of which layout', (r) => r.busy.layoutMs);
  both('  of which style', (r) => r.busy.styleMs);
  both('long tasks after complete (≤ 250 ms)', (r) => r.longTasksAfterMs);
  console.log(`  ${'ratio naive / app, main thread'.padEnd(40)} ${ratio.toFixed(2)}x`);
  console.log('');
  console.log(`Naive renderer re-rendering on every delta (the issue's reference; one run${perDelta.capped ? `, stopped at the ${naiveDeltaCapMs / 1000} s cap` : ''}):`);
  console.log(`  ${'characters rendered'.padEnd(40)} ${String(perDelta.chars).padStart(10)}`);
  console.log(`  ${'main thread (CDP TaskDuration)'.padEnd(40)} ${ms(perDelta.busy.taskMs).padStart(10)}`);
  console.log(`  ${'longest task'.padEnd(40)} ${ms(perDelta.longestTaskMs).padStart(10)}`);
  console.log(`  ${'ratio naive-delta / app, main thread'.padEnd(40)} ${`${perDelta.capped ? '≥ ' : ''}${deltaRatio.toFixed(1)}x`.padStart(10)}`);
  if (sustained.app.length > 0) {
    const sa = pick(sustained.app, (r) => r.busy.taskMs);
    const sn = pick(sustained.naive, (r) => r.busy.taskMs);
    console.log('');
    console.log(`Sustained \`${prompt}\` at ${tokensPerSecond} tokens/s (informational; app | naive):`);
    const sBoth = (name: string, f: (r: StreamRun) => number, digits = 0) => console.log(`  ${name.padEnd(40)} ${ms(pick(sustained.app, f), digits).padStart(10)} | ${ms(pick(sustained.naive, f), digits).padStart(10)}`);
    sBoth('send → complete', (r) => r.streamMs);
    console.log(`  ${'frames'.padEnd(40)} ${String(pick(sustained.app, (r) => r.frames)).padStart(10)} | ${String(pick(sustained.naive, (r) => r.frames)).padStart(10)}`);
    sBoth('main thread (CDP TaskDuration)', (r) => r.busy.taskMs);
    sBoth('longest task', (r) => r.longestTaskMs);
    sBoth('p99 frame gap', (r) => r.p99GapMs, 1);
    sBoth('last byte (responseEnd) → complete', (r) => r.lastByteToRenderMs);
    console.log(`  ${'ratio naive / app, main thread'.padEnd(40)} ${(sn / sa).toFixed(2)}x`);
  }
}
