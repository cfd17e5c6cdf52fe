import { useChatStore } from '../store';

const SCENARIOS: ReadonlyArray<readonly [string, string]> = [
  ['/sim help', 'list every simulator scenario'],
  ['/sim long 2000', 'a long markdown answer, good for trying Stop'],
  ['/sim long 20000 fast', 'the same, with no pacing'],
];

export function EmptyState() {
  const mode = useChatStore((s) => s.mode);
  return (
    <div className="mt-16 flex flex-col items-center gap-4 text-center text-stone-600 dark:text-stone-400">
      <p className="text-2xl font-semibold text-stone-800 dark:text-stone-100">Talk to Claude, token by token</p>
      <p className="max-w-md">Answers stream in as they are generated. Every answer shows its tokens, cache use and timing.</p>
      {mode === 'simulator' && (
        <div className="mt-2 rounded-xl border border-stone-200 p-4 text-left text-sm dark:border-stone-800">
          <p className="mb-2 font-medium text-stone-800 dark:text-stone-200">Running on the simulator. Try:</p>
          <ul className="flex flex-col gap-1">
            {SCENARIOS.map(([command, what]) => (
              <li key={command}>
                <code className="rounded bg-stone-100 px-1.5 py-0.5 dark:bg-stone-800">{command}</code> {what}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
