// Opening and creating conversations. A running turn is stopped first: the
// answer being streamed belongs to the conversation it started in.
import { stopStreaming, whenIdle } from '../chat';
import { startPersistence } from '../persistence';
import { useChatStore } from '../store';
import { useHistoryUi } from './ui-store';

async function settle(): Promise<void> {
  if (!useChatStore.getState().turnActive) return;
  stopStreaming();
  await whenIdle();
}

export async function openChat(id: string): Promise<void> {
  await settle();
  await startPersistence().open(id);
  useHistoryUi.setState({ drawerOpen: false });
}

export async function newChat(): Promise<void> {
  await settle();
  startPersistence().newChat();
  useHistoryUi.setState({ drawerOpen: false, query: '', matches: null });
}

/** The most recently active conversation other than these, if any. */
export function mostRecentExcept(excluded: ReadonlySet<string>): string | undefined {
  const metas = Object.values(useChatStore.getState().conversations).filter((m) => !excluded.has(m.id));
  return metas.sort((a, b) => b.updatedAt - a.updatedAt)[0]?.id;
}
