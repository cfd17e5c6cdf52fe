import { useEffect } from 'react';
import { ChatView } from '../chat';
import { ConversationsToggle, HistorySidebar, useDrawerIsModal } from '../history';
import { createIdleQueue, warmUpHighlighter, warmUpLexer } from '../markdown';
import { Announcer } from './announcer';
import { defaultStreamClient } from '../transport';
import { loadBackend } from './backend';
import { EmptyState } from './empty-state';
import { Header } from './header';

export function App() {
  // While the drawer is open over the page, nothing behind it can be focused, clicked or read out.
  const behindDrawer = useDrawerIsModal();
  useEffect(() => {
    void loadBackend();
    // The workers load in a background task, so the first answer does not wait for them.
    return createIdleQueue().inBackground(() => {
      defaultStreamClient().warmUp();
      warmUpLexer();
      warmUpHighlighter();
    });
  }, []);
  return (
    <div className="flex h-dvh flex-col bg-white text-stone-900 dark:bg-stone-950 dark:text-stone-100">
      <a href="#composer" inert={behindDrawer} className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-stone-900">
        Skip to the message box
      </a>
      <div inert={behindDrawer} className="contents">
        <Header />
      </div>
      <Announcer />
      <div className="flex min-h-0 flex-1">
        <HistorySidebar />
        <div inert={behindDrawer} className="flex min-w-0 flex-1 flex-col">
          <div className="px-4 pt-2 md:hidden">
            <ConversationsToggle />
          </div>
          <ChatView empty={<EmptyState />} />
        </div>
      </div>
    </div>
  );
}
