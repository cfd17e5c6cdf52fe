import type { ReactNode } from 'react';
import { Composer } from './composer';
import { MessageList } from './message-list';

export function ChatView({ empty }: { readonly empty: ReactNode }) {
  return (
    <main className="flex min-h-0 flex-1 flex-col">
      <MessageList empty={empty} />
      <Composer />
    </main>
  );
}
