import { afterEach, describe, expect, it, vi } from 'vitest';
import { createIdleQueue } from './background';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('idle queue', () => {
  const { inBackground } = createIdleQueue();

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
});
