import { useCopy, type CopyState } from '../ui';

function label(state: CopyState): string {
  switch (state) {
    case 'idle':
      return 'Copy';
    case 'copied':
      return 'Copied';
    case 'failed':
      return 'Failed';
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

/** Fixed width, so "Copy" → "Copied" never shifts the header. */
export function CopyButton({ text }: { readonly text: string }) {
  const [state, copyText] = useCopy();
  const copy = () => copyText(text);
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={state === 'idle' ? 'Copy code' : label(state)}
      className="w-16 rounded px-2 py-0.5 text-center text-xs font-medium text-stone-700 hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-orange-500 dark:text-stone-300 dark:hover:bg-stone-700"
    >
      <span aria-live="polite">{label(state)}</span>
    </button>
  );
}
