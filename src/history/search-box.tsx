// Search across titles and every message of every conversation.
import { useEffect } from 'react';
import { searchConversations, startPersistence } from '../persistence';
import { useChatStore } from '../store';
import { useHistoryUi } from './ui-store';

const DEBOUNCE_MS = 150;

export function SearchBox() {
  const query = useHistoryUi((s) => s.query);
  useEffect(() => {
    if (query.trim() === '') {
      useHistoryUi.setState({ matches: null });
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void searchConversations(useChatStore, startPersistence(), query).then((matches) => {
        if (current) useHistoryUi.setState({ matches });
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);
  return (
    <input
      type="search"
      aria-label="Search conversations"
      placeholder="Search"
      value={query}
      onChange={(event) => useHistoryUi.setState({ query: event.target.value })}
      className="mx-2 mb-2 rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm outline-none focus-visible:ring-2 focus-visible:ring-orange-500 dark:border-stone-700 dark:bg-stone-900"
    />
  );
}
