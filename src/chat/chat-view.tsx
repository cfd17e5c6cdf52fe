import type { ReactNode } from 'react';
import { useChatStore } from '../store';
import { Composer } from './composer';
import { MessageList } from './message-list';

export function ChatView({ empty }: { readonly empty: ReactNode }) {
  const activeId = useChatStore((s) => s.activeId);
  return (
    <main className="flex min-h-0 flex-1 flex-col">
      {/* One list per conversation: each opens with its newest messages, however far another was scrolled. */}
      <MessageList key={activeId} empty={empty} />
      <Composer />
    </main>
  );
}
