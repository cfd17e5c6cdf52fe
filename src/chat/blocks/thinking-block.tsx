import { useState } from 'react';
import type { BlockState } from '../../protocol';

/**
 * Open while thinking streams; folded once the answer starts (a later block
 * exists), and the user can open it again. Folding happens once, so it never
 * fights the user's own toggle.
 */
export function ThinkingBlock({ state, answerStarted }: { readonly state: Extract<BlockState, { kind: 'thinking' }>; readonly answerStarted: boolean }) {
  const [open, setOpen] = useState(!answerStarted);
  // Folded in the same render in which the answer starts (React's pattern for
  // state that follows a prop), not by an effect and a second render.
  const [startSeen, setStartSeen] = useState(answerStarted);
  if (answerStarted !== startSeen) {
    setStartSeen(answerStarted);
    if (answerStarted) setOpen(false);
  }
  const streaming = !state.closed;
  return (
    <details
      data-block="thinking"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="rounded-lg border border-violet-200 bg-violet-50/60 px-3 py-2 text-sm dark:border-violet-800 dark:bg-violet-950/40"
    >
      <summary className="cursor-pointer select-none font-medium text-violet-800 dark:text-violet-300">
        {streaming ? 'Thinking…' : 'Thinking'}
        {state.block.thinking === '' && state.closed && <span className="ml-2 font-normal text-stone-500">(not shown by the model)</span>}
      </summary>
      <div className="mt-2 whitespace-pre-wrap break-words text-stone-700 dark:text-stone-300">{state.block.thinking}</div>
    </details>
  );
}
