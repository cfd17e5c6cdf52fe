// The Undo toast for deleted conversations, and the storage problem message.
import { useChatStore, type StorageProblem } from '../store';
import { undoDelete } from './delete-undo';
import { UNTITLED } from './conversation-list';
import { useHistoryUi } from './ui-store';

export function UndoToast() {
  const last = useHistoryUi((s) => s.pending.at(-1));
  if (last === undefined) return null;
  return (
    <div role="status" data-testid="undo-toast" className="fixed bottom-24 left-1/2 z-50 flex -translate-x-1/2 items-center gap-3 rounded-xl bg-stone-900 px-4 py-2.5 text-sm text-white shadow-lg dark:bg-stone-100 dark:text-stone-900">
      <span>Deleted “{last.title === '' ? UNTITLED : last.title}”.</span>
      <button type="button" onClick={() => void undoDelete(last.id)} className="rounded px-2 py-0.5 font-semibold text-orange-300 hover:underline focus-visible:outline-2 focus-visible:outline-orange-500 dark:text-orange-700">
        Undo
      </button>
    </div>
  );
}

function explain(problem: StorageProblem): string {
  switch (problem.kind) {
    case 'unavailable':
      return `This browser will not let the app store conversations (${problem.detail}). You can keep chatting, but nothing will be kept after you close or reload the page.`;
    case 'full':
      return 'Browser storage is full, so new messages are not being saved. Everything saved before is safe. Delete or export old conversations to make room; until then, chatting works but new messages are kept only until you reload.';
    case 'write_failed':
      return `Saving failed (${problem.detail}). Everything saved before is safe; new messages are kept only until you reload.`;
    default: {
      const unreachable: never = problem;
      return unreachable;
    }
  }
}

export function StorageBanner() {
  const problem = useChatStore((s) => s.storageProblem);
  if (problem === null) return null;
  return (
    <div role="alert" data-testid="storage-problem" data-kind={problem.kind} className="fixed left-1/2 top-14 z-50 flex w-[min(40rem,calc(100vw-1.5rem))] -translate-x-1/2 items-start gap-3 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 shadow-lg dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <p className="flex-1">{explain(problem)}</p>
      <button type="button" className="btn-secondary" onClick={() => useChatStore.setState({ storageProblem: null })}>
        Dismiss
      </button>
    </div>
  );
}
