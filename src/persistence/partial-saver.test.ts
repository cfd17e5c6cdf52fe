import { describe, expect, it } from 'vitest';
import type { BlockState } from '../protocol';
import type { AssistantMessage } from '../store';
import { createPartialSaver, type Timers } from './partial-saver';

function fakeTimers() {
  let now = 0;
  const pending: Array<{ at: number; run: () => void; handle: number }> = [];
  let next = 1;
  const timers: Timers = {
    setTimeout: (run, ms) => {
      pending.push({ at: now + ms, run, handle: next });
      return next++;
    },
    clearTimeout: (handle) => {
      const index = pending.findIndex((p) => p.handle === handle);
      if (index >= 0) pending.splice(index, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const due of pending.filter((p) => p.at <= now)) {
      pending.splice(pending.indexOf(due), 1);
      due.run();
    }
  };
  return { timers, advance };
}

const text = (t: string, closed: boolean): BlockState => ({ kind: 'text', block: { type: 'text', text: t, citations: null }, closed });

function frame(blocks: BlockState[]): AssistantMessage {
  return {
    id: 'a',
    parentId: 'u',
    createdAt: 1,
    role: 'assistant',
    requestId: null,
    requestedModel: 'x',
    stream: { header: null, blocks, status: 'streaming', sawMessageStop: false, error: null, timing: { requestStartedAt: 0, firstTokenAt: null, lastEventAt: null, completedAt: null } },
  };
}

describe('the streaming answer is saved throttled', () => {
  it('once a second however many frames arrive, at once when a block ends, and nothing after stop', () => {
    const { timers, advance } = fakeTimers();
    const saved: string[] = [];
    const saver = createPartialSaver((_c, m) => saved.push(m.stream.blocks.map((b) => (b.kind === 'text' ? b.block.text : '')).join('|')), 1000, timers);
    // 60 frames in one second: one save.
    for (let i = 1; i <= 60; i++) {
      saver.update('c', frame([text('x'.repeat(i), false)]));
      advance(16);
    }
    advance(100);
    expect(saved).toEqual(['x'.repeat(60)]);
    // A block ends: saved on that frame, without waiting.
    saver.update('c', frame([text('done', true)]));
    expect(saved.at(-1)).toBe('done');
    saver.update('c', frame([text('done', true), text('b', false)]));
    advance(999);
    expect(saved).toHaveLength(2);
    advance(1);
    expect(saved.at(-1)).toBe('done|b');
    // Nothing new, nothing written.
    saver.update('c', frame([text('done', true), text('b2', false)]));
    saver.stop();
    advance(5000);
    expect(saved).toHaveLength(3);
  });
});
