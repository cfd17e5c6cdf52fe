// A question, with its versions and an Edit that resends it as a new branch.
import { useState, type KeyboardEvent } from 'react';
import { AttachmentThumbnails } from '../attachments';
import { selectMessage, useChatStore } from '../store';
import { startEditing } from './branch-actions';
import { BranchNav } from './branch-nav';
import { CacheLossNote } from './cache-loss-note';
import { editAndResend } from './turn';

export function UserMessageView({ id }: { readonly id: string }) {
  const text = useChatStore((s) => {
    const message = selectMessage(s, id);
    return message?.role === 'user' ? message.text : '';
  });
  const attachments = useChatStore((s) => {
    const message = selectMessage(s, id);
    return message?.role === 'user' ? message.attachments : undefined;
  });
  const editing = useChatStore((s) => s.editingId === id);
  const busy = useChatStore((s) => s.turnActive);
  return (
    <article data-role="user" data-status="complete" className="ml-auto flex max-w-[85%] flex-col items-end gap-1">
      {attachments !== undefined && <AttachmentThumbnails attachments={attachments} />}
      {editing ? (
        <EditForm id={id} initial={text} />
      ) : text === '' ? null : (
        <div data-block="text" className="whitespace-pre-wrap break-words rounded-2xl bg-stone-200/80 px-4 py-2.5 dark:bg-stone-800">
          {text}
        </div>
      )}
      <div className="flex items-center gap-2">
        <BranchNav id={id} />
        {!editing && (
          <button type="button" disabled={busy} onClick={() => startEditing(id)} className="rounded px-1.5 py-0.5 text-xs text-stone-600 hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-orange-500 disabled:opacity-40 dark:text-stone-400 dark:hover:bg-stone-800">
            Edit
          </button>
        )}
      </div>
    </article>
  );
}

function EditForm({ id, initial }: { readonly id: string; readonly initial: string }) {
  const [draft, setDraft] = useState(initial);
  const busy = useChatStore((s) => s.turnActive);
  const index = useChatStore((s) => s.messageIds.indexOf(id));
  const submit = () => {
    if (busy || draft.trim() === '') return;
    void editAndResend(id, draft);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      // Closes the editor only; the page-level Escape (stop streaming) must not also fire.
      event.stopPropagation();
      startEditing(null);
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };
  return (
    <form
      className="flex w-full min-w-[min(28rem,80vw)] flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <textarea
        aria-label="Edit your question"
        autoFocus
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        rows={Math.min(8, Math.max(2, draft.split('\n').length))}
        className="w-full resize-none rounded-xl border border-stone-300 bg-white px-3 py-2 outline-none focus-visible:ring-2 focus-visible:ring-orange-500 dark:border-stone-700 dark:bg-stone-900"
      />
      <CacheLossNote where={{ editIndex: index }} />
      <div className="flex justify-end gap-2">
        <button type="button" className="btn-secondary" onClick={() => startEditing(null)}>
          Cancel
        </button>
        <button type="submit" disabled={busy || draft.trim() === ''} className="rounded-lg bg-orange-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-orange-800 disabled:opacity-50">
          Save and submit
        </button>
      </div>
    </form>
  );
}
