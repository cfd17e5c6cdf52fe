import { useEffect, type ReactNode } from 'react';
import { useChatStore } from '../store';
import { Composer } from './composer';
import { reattachInterrupted } from './turn';
import { MessageList } from './message-list';

export function ChatView({ empty }: { readonly empty: ReactNode }) {
  const activeId = useChatStore((s) => s.activeId);
  // Messages loaded after a reload (or opened while another tab streams them) may end in an answer that
  // is still streaming from a kept stream: attach to it again.
  useEffect(() => {
    void reattachInterrupted();
    return useChatStore.subscribe((state, previous) => {
      if (state.messages !== previous.messages && !state.turnActive) void reattachInterrupted();
    });
  }, []);
  return (
    <main className="flex min-h-0 flex-1 flex-col">
      {/* One list per conversation: each opens with its newest messages, however far another was scrolled. */}
      <MessageList key={activeId} empty={empty} />
      <Composer />
    </main>
  );
}
