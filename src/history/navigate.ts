// Opening and creating conversations. A running turn is let go of first: an
// answer from a kept stream streams on in the background (its conversation
// attaches to it again when opened), anything else stops.
import { letGoOfTurn } from '../chat';
import { startPersistence } from '../persistence';
import { useChatStore } from '../store';
import { useHistoryUi } from './ui-store';

async function settle(): Promise<void> {
  const stopped = await letGoOfTurn();
  if (stopped !== null) useHistoryUi.setState({ note: stopped });
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
