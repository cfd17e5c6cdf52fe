import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { streamText } from './sse';
import type { Step } from './types';
import { playSteps, type Pacing } from './writer';

/** The part of a response playSteps uses, recording each write. */
class RecordingResponse extends EventEmitter {
  destroyed = false;
  readonly writes: string[] = [];
  write(text: string): boolean {
    this.writes.push(text);
    return true;
  }
}

function deltas(count: number): Step[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'event',
    name: 'content_block_delta',
    data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: `word${i} ` } },
    tokens: 1,
  }));
}

const noSleep = () => Promise.resolve();
const FAST: Pacing = { firstTokenDelayMs: 0, tokensPerSecond: 1000, fast: true, sleep: noSleep, realClock: false };
const PACED: Pacing = { ...FAST, fast: false };

async function play(steps: readonly Step[], pacing: Pacing) {
  const res = new RecordingResponse();
  const outcome = await playSteps(steps, res as unknown as ServerResponse, pacing, new AbortController().signal);
  return { outcome, writes: res.writes };
}

describe('playSteps', () => {
  it('writes an unpaced stream in runs of events, byte for byte', async () => {
    const steps = [{ kind: 'first-token' } as const, ...deltas(200)];
    const { outcome, writes } = await play(steps, FAST);
    expect(outcome).toBe('finished');
    expect(writes.join('')).toBe(streamText(steps));
    const events = steps.slice(1);
    expect(writes).toEqual([streamText(events.slice(0, 64)), streamText(events.slice(64, 128)), streamText(events.slice(128, 192)), streamText(events.slice(192))]);
  });

  it('stops between runs once the client has gone', async () => {
    const res = new RecordingResponse();
    const controller = new AbortController();
    res.write = (text: string) => {
      res.writes.push(text);
      controller.abort();
      return true;
    };
    const outcome = await playSteps(deltas(200), res as unknown as ServerResponse, FAST, controller.signal);
    expect(outcome).toBe('client-gone');
    expect(res.writes).toHaveLength(1);
  });

  it('puts every event before a drop on the wire before cutting', async () => {
    const before = deltas(10);
    const { outcome, writes } = await play([...before, { kind: 'drop' }, ...deltas(5)], FAST);
    expect(outcome).toBe('dropped');
    expect(writes.join('')).toBe(streamText(before));
  });

  it('writes the events before a stall before waiting', async () => {
    const res = new RecordingResponse();
    const before = deltas(3);
    let writtenAtStall = '';
    const pacing: Pacing = {
      ...FAST,
      sleep: () => {
        writtenAtStall = res.writes.join('');
        return Promise.resolve();
      },
    };
    await playSteps([...before, { kind: 'stall', ms: 100 }, ...deltas(2)], res as unknown as ServerResponse, pacing, new AbortController().signal);
    expect(writtenAtStall).toBe(streamText(before));
  });

  it('waits for the socket to drain, leaving no listener behind', async () => {
    const res = new RecordingResponse();
    res.write = (text: string) => {
      res.writes.push(text);
      // A full socket: drains once the writer is listening.
      setImmediate(() => res.emit('drain'));
      return false;
    };
    const steps = deltas(20);
    const outcome = await playSteps(steps, res as unknown as ServerResponse, PACED, new AbortController().signal);
    expect(outcome).toBe('finished');
    expect(res.writes.join('')).toBe(streamText(steps));
    expect(res.listenerCount('close') + res.listenerCount('drain')).toBe(0);
  });

  it('writes each event of a paced stream as soon as it is due', async () => {
    const steps = deltas(5);
    const { writes } = await play(steps, PACED);
    expect(writes).toEqual(steps.map((step) => streamText([step])));
  });
});
