import { beforeEach, describe, expect, it } from 'vitest';
import { createStreamedMessage } from '../protocol';
import { resetChatStore, useChatStore, type AssistantMessage } from '../store';
import type { StreamClient } from '../transport';
import { letGoOfTurn, MAX_BACKGROUND_STREAMS } from './turn';

beforeEach(() => resetChatStore());

/** A turn streaming an answer, recording whether it was let go of (detached) or stopped. */
function streamingTurn(kept: boolean) {
  const calls: string[] = [];
  let end = () => {};
  const done = new Promise<void>((resolve) => (end = resolve));
  const finish = (how: string) => () => {
    calls.push(how);
    useChatStore.setState({ turnActive: false, turn: null, streaming: null });
    end();
  };
  const answer: AssistantMessage = {
    id: 'a1',
    parentId: null,
    createdAt: 0,
    role: 'assistant',
    stream: createStreamedMessage(0),
    requestId: null,
    requestedModel: 'm',
    ...(kept ? { resume: { streamId: 's', lastEventId: '3' } } : {}),
  };
  useChatStore.setState({ turnActive: true, streaming: answer, turn: { stop: finish('stop'), detach: finish('detach'), cancelRetry: () => undefined, done } });
  return calls;
}

const client = (following: number): StreamClient => ({ warmUp: () => undefined, following: () => following, open: () => { throw new Error('not opened here'); } });

describe('leaving a conversation while its answer streams', () => {
  it('lets a kept stream go on in the background while there is room', async () => {
    const calls = streamingTurn(true);
    expect(await letGoOfTurn({ client: client(MAX_BACKGROUND_STREAMS - 1) })).toBeNull();
    expect(calls).toEqual(['detach']);
  });

  it('stops it, and says why, when the background is full', async () => {
    const calls = streamingTurn(true);
    expect(await letGoOfTurn({ client: client(MAX_BACKGROUND_STREAMS) })).toMatch(/at most 4 answers stream in the background/);
    expect(calls).toEqual(['stop']);
  });

  it('stops an answer that is not kept (no stream id yet)', async () => {
    const calls = streamingTurn(false);
    expect(await letGoOfTurn({ client: client(0) })).toBeNull();
    expect(calls).toEqual(['stop']);
  });
});
