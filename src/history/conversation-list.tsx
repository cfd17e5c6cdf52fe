// The conversations, most recent activity first, the open one marked; each
// can be renamed in place or deleted (with Undo).
import { useMemo, useState, type KeyboardEvent } from 'react';
import { renameConversation, useChatStore, type ConversationMeta } from '../store';
import { deleteWithUndo } from './delete-undo';
import { openChat } from './navigate';
import { useHistoryUi } from './ui-store';

export const UNTITLED = 'New chat';

export function ConversationList() {
  const conversations = useChatStore((s) => s.conversations);
  const activeId = useChatStore((s) => s.activeId);
  const pending = useHistoryUi((s) => s.pending);
  const matches = useHistoryUi((s) => s.matches);
  const listed = useMemo(() => {
    const hidden = new Set(pending.map((p) => p.id));
    return Object.values(conversations)
      .filter((m) => !hidden.has(m.id) && (matches === null || matches.has(m.id)))
      .sort((a, b) => b.updatedAt - a.updatedAt);
  }, [conversations, pending, matches]);
  if (listed.length === 0) return <p className="px-3 py-2 text-sm text-stone-600 dark:text-stone-400">{matches === null ? 'No conversations yet.' : 'No conversation matches.'}</p>;
  return (
    <ul data-testid="conversation-list" className="flex min-h-0 flex-1 flex-col gap-0.5 overflow-y-auto px-2 pb-2">
      {listed.map((meta) => (
        <ConversationItem key={meta.id} meta={meta} active={meta.id === activeId} />
      ))}
    </ul>
  );
}

function ConversationItem({ meta, active }: { readonly meta: ConversationMeta; readonly active: boolean }) {
  const [renaming, setRenaming] = useState(false);
  const title = meta.title === '' ? UNTITLED : meta.title;
  const commit = (value: string) => {
    useChatStore.setState((s) => renameConversation(s, meta.id, value));
    setRenaming(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit(event.currentTarget.value);
    if (event.key === 'Escape') {
      event.stopPropagation();
      setRenaming(false);
    }
  };
  const base = active ? 'bg-stone-200 dark:bg-stone-800' : 'hover:bg-stone-100 dark:hover:bg-stone-900';
  return (
    <li data-conversation-id={meta.id} className={`group flex items-center gap-1 rounded-lg ${base}`}>
      {renaming ? (
        <input aria-label="Conversation title" autoFocus defaultValue={meta.title} onKeyDown={onKeyDown} onBlur={(event) => commit(event.currentTarget.value)} className="m-1 min-w-0 flex-1 rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900" />
      ) : (
        <button type="button" aria-current={active ? 'true' : undefined} onClick={() => void openChat(meta.id)} className="min-w-0 flex-1 truncate px-3 py-2 text-left text-sm focus-visible:outline-2 focus-visible:outline-orange-500">
          {title}
        </button>
      )}
      {!renaming && (
        <span className="flex shrink-0 pr-1 opacity-70 group-hover:opacity-100">
          <IconButton label={`Rename ${title}`} onClick={() => setRenaming(true)} icon="rename" />
          <IconButton label={`Delete ${title}`} onClick={() => void deleteWithUndo(meta.id)} icon="delete" />
        </span>
      )}
    </li>
  );
}

/** SVG icons: emoji glyphs are missing from some system fonts. */
function IconButton({ label, icon, onClick }: { readonly label: string; readonly icon: 'rename' | 'delete'; readonly onClick: () => void }) {
  return (
    <button type="button" aria-label={label} title={label} onClick={onClick} className="rounded px-1.5 py-1 text-xs hover:bg-stone-300 focus-visible:outline-2 focus-visible:outline-orange-500 dark:hover:bg-stone-700">
      <svg aria-hidden viewBox="0 0 20 20" className="h-3.5 w-3.5 fill-none stroke-current stroke-[1.6]">
        {icon === 'rename' ? (
          <path d="M13.5 3.5l3 3L7 16H4v-3z" strokeLinejoin="round" />
        ) : (
          <path d="M4 6h12M8 6V4h4v2M6 6l1 10h6l1-10" strokeLinecap="round" strokeLinejoin="round" />
        )}
      </svg>
    </button>
  );
}
