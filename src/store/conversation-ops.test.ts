import { describe, expect, it } from 'vitest';
import { createChatStore, emptyConversation } from './chat-store';
import { addStreamLog, appendMessage, dropConversation, openConversation, place, removeMessages, renameConversation, selectBranch, startConversation, truncateAfter } from './conversation-ops';
import type { ChatMessage, UserMessage } from './types';

function setup() {
  const store = createChatStore([]);
  let clock = 100;
  const add = (id: string, text = id) => store.setState((s) => appendMessage(s, place<UserMessage>(s, { id, role: 'user', text }, clock++)));
  return { store, add };
}

describe('branching operations', () => {
  it('appends along the visible path and titles the conversation from the first question', () => {
    const { store, add } = setup();
    add('q1', 'First question\nmore');
    add('q2');
    const s = store.getState();
    expect(s.messageIds).toEqual(['q1', 'q2']);
    expect(s.messages.q2?.parentId).toBe('q1');
    expect(s.conversations[s.activeId]?.title).toBe('First question');
    expect(s.conversations[s.activeId]?.updatedAt).toBe(101);
  });

  it('a message added after cutting the path back becomes a sibling, shown as the newest', () => {
    const { store, add } = setup();
    add('q1');
    add('a1');
    store.setState((s) => truncateAfter(s, 'q1'));
    add('a2');
    const s = store.getState();
    expect(s.messageIds).toEqual(['q1', 'a2']);
    expect(Object.keys(s.messages).sort()).toEqual(['a1', 'a2', 'q1']);
    expect(s.messages.a2?.parentId).toBe('q1');
  });

  it('selecting a version shows its branch down to the leaf, and a new sibling clears the choice', () => {
    const { store, add } = setup();
    add('q1');
    add('a1');
    add('q2');
    store.setState((s) => truncateAfter(s, 'q1'));
    add('a2');
    store.setState((s) => selectBranch(s, 'a1'));
    expect(store.getState().messageIds).toEqual(['q1', 'a1', 'q2']);
    store.setState((s) => truncateAfter(s, 'q1'));
    add('a3');
    const s = store.getState();
    expect(s.conversations[s.activeId]?.selection).toEqual({});
    expect(s.messageIds).toEqual(['q1', 'a3']);
  });

  it('editing the first question forks at the root', () => {
    const { store, add } = setup();
    add('q1');
    store.setState((s) => truncateAfter(s, null));
    add('q1b');
    expect(store.getState().messageIds).toEqual(['q1b']);
    store.setState((s) => selectBranch(s, 'q1'));
    expect(store.getState().messageIds).toEqual(['q1']);
  });

  it('switching conversations keeps each one its settings; rename and drop', () => {
    const { store, add } = setup();
    add('q1');
    const first = store.getState().activeId;
    store.setState((s) => ({ settings: { ...s.settings, maxTokens: 111 } }));
    store.setState((s) => startConversation(s, 'conv-2', 500));
    expect(store.getState().messageIds).toEqual([]);
    expect(store.getState().conversations[first]?.settings.maxTokens).toBe(111);
    store.setState((s) => ({ settings: { ...s.settings, maxTokens: 222 } }));
    const meta = store.getState().conversations[first];
    if (meta === undefined) throw new Error('missing');
    const messages: Record<string, ChatMessage> = { q1: { id: 'q1', parentId: null, createdAt: 1, role: 'user', text: 'q1' } };
    store.setState((s) => openConversation(s, meta, messages));
    expect(store.getState().settings.maxTokens).toBe(111);
    expect(store.getState().conversations['conv-2']?.settings.maxTokens).toBe(222);
    store.setState((s) => renameConversation(s, 'conv-2', '  Renamed '));
    expect(store.getState().conversations['conv-2']?.title).toBe('Renamed');
    store.setState((s) => dropConversation(s, first));
    expect(store.getState().conversations[first]).toBeDefined();
    store.setState((s) => dropConversation(s, 'conv-2'));
    expect(store.getState().conversations['conv-2']).toBeUndefined();
  });
});

describe('stream logs', () => {
  const log = (released: string[], id: string) => ({ requestStartedAt: 0, sentAt: 0, read: () => Promise.reject(new Error('not read here')), readFinal: () => Promise.reject(new Error('not read here')), release: () => released.push(id) });

  it('are released when their message is removed, and all of them when another conversation opens', () => {
    const { store, add } = setup();
    const released: string[] = [];
    add('a1');
    add('a2');
    store.setState((s) => addStreamLog(s, 'a1', log(released, 'a1')));
    store.setState((s) => addStreamLog(s, 'a2', log(released, 'a2')));
    store.setState((s) => removeMessages(s, new Set(['a1'])));
    expect(released).toEqual(['a1']);
    // Opening the same conversation again (a refresh) keeps them.
    store.setState((s) => openConversation(s, s.conversations[s.activeId] ?? emptyConversation('x', s.settings, 0), s.messages));
    expect(released).toEqual(['a1']);
    store.setState((s) => startConversation(s, 'other', 1));
    expect(released).toEqual(['a1', 'a2']);
    expect(store.getState().streamLogs).toEqual({});
  });
});
