// Delete with Undo: the conversation disappears from the list at once, but
// is deleted from storage only when the undo time is over (a reload before
// then keeps it).
import { dropConversation, useChatStore } from '../store';
import { mostRecentExcept, newChat, openChat } from './navigate';
import { useHistoryUi } from './ui-store';

export const UNDO_MS = 6000;

const timers = new Map<string, ReturnType<typeof setTimeout>>();

export async function deleteWithUndo(id: string): Promise<void> {
  const state = useChatStore.getState();
  const meta = state.conversations[id];
  if (meta === undefined || timers.has(id)) return;
  const wasActive = id === state.activeId;
  useHistoryUi.setState((ui) => ({ pending: [...ui.pending.filter((p) => p.id !== id), { id, title: meta.title, wasActive }] }));
  timers.set(id, setTimeout(() => finish(id), UNDO_MS));
  if (wasActive) {
    const hidden = new Set([id, ...useHistoryUi.getState().pending.map((p) => p.id)]);
    const next = mostRecentExcept(hidden);
    await (next === undefined ? newChat() : openChat(next));
  }
}

function finish(id: string): void {
  timers.delete(id);
  useHistoryUi.setState((ui) => ({ pending: ui.pending.filter((p) => p.id !== id) }));
  // Never the open conversation: dropConversation leaves the active one alone.
  useChatStore.setState((s) => dropConversation(s, id));
}

export async function undoDelete(id: string): Promise<void> {
  const timer = timers.get(id);
  if (timer === undefined) return;
  clearTimeout(timer);
  timers.delete(id);
  const entry = useHistoryUi.getState().pending.find((p) => p.id === id);
  useHistoryUi.setState((ui) => ({ pending: ui.pending.filter((p) => p.id !== id) }));
  if (entry?.wasActive === true) await openChat(id);
}
