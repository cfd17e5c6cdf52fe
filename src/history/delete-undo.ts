// Delete with Undo: the conversation disappears from the list at once, but
// is deleted from storage only when the undo time is over (a reload before
// then keeps it). Each pending delete holds its own timer in the history
// store, beside the entry the toast and the list read.
import { dropConversation, useChatStore } from '../store';
import { mostRecentExcept, newChat, openChat } from './navigate';
import { useHistoryUi, type PendingDelete } from './ui-store';

export const UNDO_MS = 6000;

function pendingEntry(id: string): PendingDelete | undefined {
  return useHistoryUi.getState().pending.find((p) => p.id === id);
}

export async function deleteWithUndo(id: string): Promise<void> {
  const state = useChatStore.getState();
  const meta = state.conversations[id];
  if (meta === undefined || pendingEntry(id) !== undefined) return;
  const wasActive = id === state.activeId;
  const timer = setTimeout(() => finish(id), UNDO_MS);
  useHistoryUi.setState((ui) => ({ pending: [...ui.pending, { id, title: meta.title, wasActive, timer }] }));
  if (wasActive) {
    const hidden = new Set([id, ...useHistoryUi.getState().pending.map((p) => p.id)]);
    const next = mostRecentExcept(hidden);
    await (next === undefined ? newChat() : openChat(next));
  }
}

function finish(id: string): void {
  // Undone (or the pending list reset) before the time was up: nothing to delete.
  if (pendingEntry(id) === undefined) return;
  useHistoryUi.setState((ui) => ({ pending: ui.pending.filter((p) => p.id !== id) }));
  // Never the open conversation: dropConversation leaves the active one alone.
  useChatStore.setState((s) => dropConversation(s, id));
}

export async function undoDelete(id: string): Promise<void> {
  const entry = pendingEntry(id);
  if (entry === undefined) return;
  clearTimeout(entry.timer);
  useHistoryUi.setState((ui) => ({ pending: ui.pending.filter((p) => p.id !== id) }));
  if (entry.wasActive) await openChat(id);
}
