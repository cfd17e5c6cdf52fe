import { useEffect } from 'react';
import { ChatView } from '../chat';
import { loadBackend } from './backend';
import { EmptyState } from './empty-state';
import { Header } from './header';

export function App() {
  useEffect(() => {
    void loadBackend();
  }, []);
  return (
    <div className="flex h-dvh flex-col bg-white text-stone-900 dark:bg-stone-950 dark:text-stone-100">
      <Header />
      <ChatView empty={<EmptyState />} />
    </div>
  );
}
