import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdBackground, inBackground } from './background';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('inBackground', () => {
  it('runs jobs later, in order, never during the call', async () => {
    const ran: number[] = [];
    inBackground(() => ran.push(1));
    inBackground(() => ran.push(2));
    expect(ran).toEqual([]);
    await vi.waitFor(() => expect(ran).toEqual([1, 2]));
  });

  it('skips a cancelled job and keeps going after one that throws', async () => {
    const ran: string[] = [];
    const cancel = inBackground(() => ran.push('cancelled'));
    inBackground(() => {
      throw new Error('boom');
    });
    inBackground(() => ran.push('after'));
    cancel();
    await vi.waitFor(() => expect(ran).toEqual(['after']));
  });

  it('stops a task once its time budget is spent and continues in a later task', async () => {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const log: string[] = [];
    // Each job "takes" 5 ms, so an 8 ms budget fits two per task. A microtask
    // queued by a job runs only when its task ends, which marks the task boundaries.
    for (let i = 0; i < 6; i++) {
      inBackground(() => {
        clock += 5;
        log.push(`job ${i}`);
        queueMicrotask(() => log.push('|'));
      });
    }
    await vi.waitFor(() => expect(log.filter((entry) => entry !== '|')).toHaveLength(6));
    await Promise.resolve();
    expect(log.join(' ')).toBe('job 0 job 1 | | job 2 job 3 | | job 4 job 5 | |');
  });

  it('runs newest-first jobs after the others, the latest one first', async () => {
    const ran: string[] = [];
    inBackground(() => ran.push('newest-first 1'), 'newest-first');
    inBackground(() => ran.push('a'));
    inBackground(() => ran.push('newest-first 2'), 'newest-first');
    inBackground(() => ran.push('b'));
    await vi.waitFor(() => expect(ran).toHaveLength(4));
    expect(ran).toEqual(['a', 'b', 'newest-first 2', 'newest-first 1']);
  });

  it('holds every job back until each hold is released', async () => {
    const ran: string[] = [];
    const first = holdBackground();
    const second = holdBackground();
    inBackground(() => ran.push('job'));
    // Under Node a background run is a timeout of 0: one scheduled before these would have come first.
    const laterTasks = async () => {
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    };
    await laterTasks();
    first();
    first(); // releasing twice counts once
    await laterTasks();
    expect(ran).toEqual([]);
    second();
    await vi.waitFor(() => expect(ran).toEqual(['job']));
  });
});
