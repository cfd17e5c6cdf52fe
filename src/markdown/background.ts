// Work that improves what is already on screen (syntax colours, formatting
// of blocks that started as plain text) but must never hold up what the user
// is waiting for (new tokens, input). Jobs run in idle periods
// (background-priority tasks where the browser has none), several per period
// up to a small time budget checked between jobs, so streaming keeps the main
// thread first. A stream that is catching up holds them back entirely: on a
// small machine its worker needs the cores too.

type Job = () => void;

/** Time one background task may take (ms). */
const TASK_BUDGET_MS = 8;

/** Jobs in order of arrival. */
const queue: Job[] = [];
let head = 0;
/** Jobs asked for newest first: they run once the queue is empty, the latest first. */
const stack: Job[] = [];
let scheduled = false;
let holds = 0;

interface PostTaskScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<void>;
}

function pending(): boolean {
  return stack.length > 0 || head < queue.length;
}

function scheduleRun(): void {
  if (scheduled || holds > 0 || !pending()) return;
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

function next(): Job | undefined {
  if (head === queue.length) return stack.pop();
  const job = queue[head];
  queue[head] = noop;
  head += 1;
  if (head === queue.length) {
    queue.length = 0;
    head = 0;
  }
  return job;
}

function run(idleLeft: () => number = () => TASK_BUDGET_MS): void {
  scheduled = false;
  const started = performance.now();
  while (holds === 0 && pending() && idleLeft() > 0) {
    try {
      next()?.();
    } catch {
      // A failed job only loses its enhancement; the rest still run.
    }
    if (performance.now() - started >= TASK_BUDGET_MS) break;
  }
  scheduleRun();
}

function noop(): void {}

/**
 * Runs `job` in a later background task. `newest-first` jobs run after the
 * others, the latest one first. The returned function cancels the job if it
 * has not run yet (and lets go of it).
 */
export function inBackground(job: Job, order: 'in-order' | 'newest-first' = 'in-order'): () => void {
  let pending: Job = job;
  (order === 'newest-first' ? stack : queue).push(() => pending());
  scheduleRun();
  return () => {
    pending = noop;
  };
}

/** Holds every background job back until the returned function is called (once). */
export function holdBackground(): () => void {
  holds += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds -= 1;
    scheduleRun();
  };
}
