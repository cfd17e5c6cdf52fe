// Deleting a conversation that is not open: no navigation, only the pending
// entry, its timer and the store. The open one's path (reopened by Undo) is
// driven in Chromium by e2e/history.spec.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyConversation, resetChatStore, useChatStore } from '../store';
import { deleteWithUndo, undoDelete, UNDO_MS } from './delete-undo';
import { useHistoryUi } from './ui-store';

const OTHER = 'conv-other';

beforeEach(() => {
  vi.useFakeTimers();
  resetChatStore();
  const state = useChatStore.getState();
  useChatStore.setState({ conversations: { ...state.conversations, [OTHER]: { ...emptyConversation(OTHER, state.settings, 1), title: 'Other' } } });
  useHistoryUi.setState({ pending: [] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('delete with Undo', () => {
  it('hides the conversation at once and deletes it when the undo time is over', async () => {
    await deleteWithUndo(OTHER);
    expect(useHistoryUi.getState().pending.map((p) => [p.id, p.title, p.wasActive])).toEqual([[OTHER, 'Other', false]]);
    vi.advanceTimersByTime(UNDO_MS - 1);
    expect(useChatStore.getState().conversations[OTHER]).toBeDefined();
    vi.advanceTimersByTime(1);
    expect(useHistoryUi.getState().pending).toEqual([]);
    expect(useChatStore.getState().conversations[OTHER]).toBeUndefined();
  });

  it('Undo stops the timer: the conversation is kept after the undo time', async () => {
    await deleteWithUndo(OTHER);
    await undoDelete(OTHER);
    expect(useHistoryUi.getState().pending).toEqual([]);
    vi.advanceTimersByTime(UNDO_MS * 2);
    expect(useChatStore.getState().conversations[OTHER]).toBeDefined();
  });

  it('a second delete while one is pending starts no second timer', async () => {
    await deleteWithUndo(OTHER);
    await deleteWithUndo(OTHER);
    expect(useHistoryUi.getState().pending).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(1);
    await undoDelete(OTHER);
    expect(vi.getTimerCount()).toBe(0);
  });
});
