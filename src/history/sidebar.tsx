// The history sidebar: a column on wide screens, a drawer below 768 px
// (opened by the "Conversations" button; Escape closes it and gives focus
// back to that button). Mounting it starts persistence.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { startPersistence } from '../persistence';
import { ConversationList } from './conversation-list';
import { newChat } from './navigate';
import { StorageBanner, UndoToast } from './notices';
import { SearchBox } from './search-box';
import { useShortcuts } from './shortcuts';
import { TransferButtons } from './transfer-buttons';
import { useHistoryUi } from './ui-store';

const SIDEBAR_ID = 'history-sidebar';
const TOGGLE_ID = 'conversations-toggle';

function closeDrawer(): void {
  if (!useHistoryUi.getState().drawerOpen) return;
  useHistoryUi.setState({ drawerOpen: false });
  document.getElementById(TOGGLE_ID)?.focus();
}

export function HistorySidebar() {
  useEffect(() => {
    startPersistence();
  }, []);
  useShortcuts();
  const open = useHistoryUi((s) => s.drawerOpen);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      closeDrawer();
    }
  };
  return (
    <>
      {open && <div aria-hidden className="fixed inset-0 z-30 bg-black/40 md:hidden" onClick={closeDrawer} />}
      <aside
        id={SIDEBAR_ID}
        aria-label="Conversation history"
        data-history-sidebar
        onKeyDown={onKeyDown}
        className={`${open ? 'fixed inset-y-0 left-0 z-40 flex shadow-xl' : 'hidden'} w-72 shrink-0 flex-col border-r border-stone-200 bg-stone-50 md:static md:z-auto md:flex md:shadow-none dark:border-stone-800 dark:bg-stone-950`}
      >
        <div className="flex items-center gap-2 p-2">
          <button ref={first} type="button" onClick={() => void newChat()} title="New chat (Ctrl+Shift+O)" className="flex-1 rounded-lg border border-stone-300 px-3 py-2 text-left text-sm font-medium hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-orange-500 dark:border-stone-700 dark:hover:bg-stone-900">
            New chat
          </button>
        </div>
        <SearchBox />
        <ConversationList />
        <TransferButtons />
      </aside>
      <UndoToast />
      <StorageBanner />
    </>
  );
}

/** Opens the drawer on narrow screens; hidden where the sidebar is always shown. */
export function ConversationsToggle() {
  const open = useHistoryUi((s) => s.drawerOpen);
  return (
    <button
      id={TOGGLE_ID}
      type="button"
      aria-expanded={open}
      aria-controls={SIDEBAR_ID}
      onClick={() => (open ? closeDrawer() : useHistoryUi.setState({ drawerOpen: true }))}
      className="btn-secondary md:hidden"
    >
      Conversations
    </button>
  );
}
