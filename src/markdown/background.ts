// Work that improves what is already on screen (syntax colours) but must never
// hold up what the user is waiting for (new tokens, input). Jobs run in idle
// periods (background-priority tasks where the browser has none), several per
// period up to a small time budget, so none of them becomes a long task or
// delays a frame, and streaming keeps the main thread first.

type Job = () => void;

/** Time one background task may take (ms). */
const TASK_BUDGET_MS = 8;

const queue: Job[] = [];
let head = 0;
let scheduled = false;

interface PostTaskScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<void>;
}

function scheduleRun(): void {
  if (scheduled) return;
  scheduled = true;
  // Idle periods end before the next frame is due, so a job never delays one; while a stream keeps
  // every frame busy, jobs wait for it to calm down.
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback((deadline) => run(() => deadline.timeRemaining()));
    return;
  }
  const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') void scheduler.postTask(() => run(), { priority: 'background' }).catch(() => undefined);
  else setTimeout(() => run(), 0);
}

function run(idleLeft: () => number = () => TASK_BUDGET_MS): void {
  scheduled = false;
  const started = performance.now();
  while (head < queue.length && idleLeft() > 0) {
    const job = queue[head];
    queue[head] = noop;
    head += 1;
    try {
      job?.();
    } catch {
      // A failed job only loses its enhancement; the rest of the queue still runs.
    }
    if (performance.now() - started >= TASK_BUDGET_MS) break;
  }
  if (head < queue.length) scheduleRun();
  else {
    queue.length = 0;
    head = 0;
  }
}

function noop(): void {}

/** Runs `job` in a later background task. The returned function cancels it if it has not run yet. */
export function inBackground(job: Job): () => void {
  let cancelled = false;
  queue.push(() => {
    if (!cancelled) job();
  });
  scheduleRun();
  return () => {
    cancelled = true;
  };
}
