// Work that improves what is already on screen (syntax colours) but must
// never hold up what the user is waiting for (new tokens, input). Jobs run in
// idle periods (background-priority tasks where the browser has none),
// several per period up to a small time budget checked between jobs.

type Job = () => void;

/** Time one background task may take (ms). */
const TASK_BUDGET_MS = 8;

interface PostTaskScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<void>;
}

export interface IdleQueue {
  /** Runs `job` in a later background task, in order; the returned function cancels it if it has not run. */
  inBackground(job: Job): () => void;
}

export function createIdleQueue(): IdleQueue {
  const queue: Job[] = [];
  let head = 0;
  let scheduled = false;

  const scheduleRun = () => {
    if (scheduled || head === queue.length) return;
    scheduled = true;
    // Idle periods end before the next frame is due, so a job never delays one.
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback((deadline) => run(() => deadline.timeRemaining()));
      return;
    }
    const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;
    if (typeof scheduler?.postTask === 'function') void scheduler.postTask(() => run(), { priority: 'background' }).catch(() => undefined);
    else setTimeout(() => run(), 0);
  };

  const run = (idleLeft: () => number = () => TASK_BUDGET_MS) => {
    scheduled = false;
    const started = performance.now();
    while (head < queue.length && idleLeft() > 0) {
      const job = queue[head] ?? noop;
      queue[head] = noop;
      head += 1;
      try {
        job();
      } catch {
        // A failed job only loses its enhancement; the rest still run.
      }
      if (performance.now() - started >= TASK_BUDGET_MS) break;
    }
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    }
    scheduleRun();
  };

  return {
    inBackground(job) {
      let pending: Job = job;
      queue.push(() => pending());
      scheduleRun();
      return () => {
        pending = noop;
      };
    },
  };
}

function noop(): void {}
