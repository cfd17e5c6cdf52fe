import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetChatStore, selectBranchPosition, useChatStore } from '../store';
import { fakeFetch, installBrowserShims } from '../transport/node-shims';
import { switchVersion } from './branch-actions';
import { editAndResend, regenerateAnswer, retryAnswer, sendMessage } from './turn';

const BASIC = readFileSync(new URL('../../fixtures/anthropic-sse/sdk-ts-basic-text.sse', import.meta.url), 'utf8');

beforeAll(() => {
  installBrowserShims();
});
beforeEach(() => {
  resetChatStore();
  useChatStore.setState((s) => ({ settings: { ...s.settings, promptCaching: false } }));
});

function recording() {
  const bodies: Array<{ messages: Array<{ role: string; content: unknown }> }> = [];
  const fetch = fakeFetch((init) => {
    bodies.push(JSON.parse(String(init?.body)));
    return { chunks: [BASIC] };
  });
  return { bodies, fetch };
}

const visibleTexts = () => {
  const s = useChatStore.getState();
  return s.messageIds.map((id) => {
    const m = s.messages[id];
    return m?.role === 'user' ? `user:${m.text}` : (m?.role ?? '?');
  });
};

describe('branches', () => {
  it('editing an earlier question adds a sibling, and the request sees only the visible path', async () => {
    const { bodies, fetch } = recording();
    await sendMessage('one', { fetch });
    await sendMessage('two', { fetch });
    const s = useChatStore.getState();
    const first = s.messageIds[0] ?? '';
    await editAndResend(first, 'one, edited', { fetch });
    expect(visibleTexts()).toEqual(['user:one, edited', 'assistant']);
    expect(bodies.at(-1)?.messages).toEqual([{ role: 'user', content: 'one, edited' }]);
    expect(Object.keys(useChatStore.getState().messages)).toHaveLength(6);
    const edited = useChatStore.getState().messageIds[0] ?? '';
    expect(selectBranchPosition(useChatStore.getState(), edited)).toBe('2/2');

    switchVersion(edited, -1);
    expect(visibleTexts()).toEqual(['user:one', 'assistant', 'user:two', 'assistant']);
    await sendMessage('three', { fetch });
    expect(bodies.at(-1)?.messages.map((m) => m.content)).toEqual(['one', [{ type: 'text', text: 'Hello there!' }], 'two', [{ type: 'text', text: 'Hello there!' }], 'three']);
  });

  it('Retry and Regenerate keep the old answer as a sibling version', async () => {
    const { fetch } = recording();
    await sendMessage('q', { fetch });
    const firstAnswer = useChatStore.getState().messageIds[1] ?? '';
    await regenerateAnswer(firstAnswer, { fetch });
    let s = useChatStore.getState();
    const second = s.messageIds[1] ?? '';
    expect(second).not.toBe(firstAnswer);
    expect(s.messages[firstAnswer]).toBeDefined();
    expect(selectBranchPosition(s, second)).toBe('2/2');
    await retryAnswer(second, { fetch });
    s = useChatStore.getState();
    expect(selectBranchPosition(s, s.messageIds[1] ?? '')).toBe('3/3');
    expect(s.messageIds).toHaveLength(2);
  });

  it('an automatic retry after 529 still replaces the failed attempt', async () => {
    let calls = 0;
    const overloaded = JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'busy' } });
    const fetch = fakeFetch(() => {
      calls += 1;
      return calls === 1 ? { status: 529, headers: { 'content-type': 'application/json' }, chunks: [overloaded] } : { chunks: [BASIC] };
    });
    await sendMessage('q', { fetch, sleep: () => Promise.resolve() });
    const s = useChatStore.getState();
    expect(calls).toBe(2);
    expect(Object.keys(s.messages)).toHaveLength(2);
    expect(selectBranchPosition(s, s.messageIds[1] ?? '')).toBe('');
  });
});
