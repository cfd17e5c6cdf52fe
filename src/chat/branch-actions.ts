// Moving between versions, and editing the last question from the keyboard.
import { selectBranch, siblingsOf, useChatStore } from '../store';

/** Shows the previous (-1) or next (+1) version of a message and the branch below it. */
export function switchVersion(id: string, step: -1 | 1): void {
  const s = useChatStore.getState();
  if (s.turnActive) return;
  const siblings = siblingsOf(s.messages, id);
  const target = siblings[siblings.indexOf(id) + step];
  if (target !== undefined) useChatStore.setState((state) => selectBranch(state, target));
}

/** Opens the last user message of the visible path for editing; false when there is none. */
export function editLastQuestion(): boolean {
  const s = useChatStore.getState();
  if (s.turnActive) return false;
  const id = s.messageIds.findLast((m) => s.messages[m]?.role === 'user');
  if (id === undefined) return false;
  useChatStore.setState({ editingId: id });
  return true;
}

export function startEditing(id: string | null): void {
  useChatStore.setState({ editingId: id });
}
