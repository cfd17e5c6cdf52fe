// The history sidebar: a column on wide screens, a drawer below 768 px
// (opened by the "Conversations" button; Escape or its Close button closes it
// and gives focus back to that button). The open drawer is modal: Tab cycles
// inside it and the app makes the page behind it inert (useDrawerIsModal).
// Mounting it starts persistence.
import { useEffect, useRef, useSyncExternalStore, type KeyboardEvent } from 'react';
import { startPersistence } from '../persistence';
import { trapTab } from '../ui';
import { ConversationList } from './conversation-list';
import { newChat } from './navigate';
import { StorageBanner, UndoToast } from './notices';
import { SearchBox } from './search-box';
import { useShortcuts } from './shortcuts';
import { TransferButtons } from './transfer-buttons';
import { useHistoryUi } from './ui-store';

const SIDEBAR_ID = 'history-sidebar';
const TOGGLE_ID = 'conversations-toggle';

/** Below Tailwind's `md` breakpoint, where the sidebar is a drawer. */
const NARROW = '(max-width: 767.98px)';

function subscribeNarrow(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True while the drawer is open over the page (a narrow screen): the page behind it must be inert. */
export function useDrawerIsModal(): boolean {
  const open = useHistoryUi((s) => s.drawerOpen);
  const narrow = useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW).matches, () => false);
  return open && narrow;
}

function closeDrawer(): void {
  if (!useHistoryUi.getState().drawerOpen) return;
  useHistoryUi.setState({ drawerOpen: false, focusToggle: true });
}

export function HistorySidebar() {
  useEffect(() => {
    startPersistence();
  }, []);
  useShortcuts();
  const open = useHistoryUi((s) => s.drawerOpen);
  const modal = useDrawerIsModal();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const { focusToggle } = useHistoryUi.getState();
    if (open) first.current?.focus();
    else if (focusToggle) document.getElementById(TOGGLE_ID)?.focus();
    if (focusToggle) useHistoryUi.setState({ focusToggle: false });
  }, [open]);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      closeDrawer();
    }
    if (event.key === 'Tab' && modal) trapTab(event);
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
          {modal && (
            <button type="button" onClick={closeDrawer} aria-label="Close conversations" className="btn-secondary">
              Close
            </button>
          )}
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
