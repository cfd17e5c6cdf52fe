// "2 / 3" with arrows on a message that has other versions (an edited
// question, a regenerated answer): switching shows that branch.
import { selectBranchPosition, useChatStore } from '../store';
import { switchVersion } from './branch-actions';

export function BranchNav({ id }: { readonly id: string }) {
  const position = useChatStore((s) => selectBranchPosition(s, id));
  const busy = useChatStore((s) => s.turnActive);
  if (position === '') return null;
  const [index = 1, count = 1] = position.split('/').map(Number);
  const arrow = 'rounded px-1.5 py-0.5 hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-orange-500 disabled:opacity-40 dark:hover:bg-stone-800';
  return (
    <div role="group" aria-label="Versions" data-branch-nav className="flex items-center gap-1 text-xs text-stone-600 dark:text-stone-400">
      <button type="button" aria-label="Previous version" className={arrow} disabled={busy || index <= 1} onClick={() => switchVersion(id, -1)}>
        ‹
      </button>
      <span data-testid="branch-position" className="tabular-nums">
        {index} / {count}
      </span>
      <button type="button" aria-label="Next version" className={arrow} disabled={busy || index >= count} onClick={() => switchVersion(id, 1)}>
        ›
      </button>
    </div>
  );
}
