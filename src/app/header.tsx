import { useChatStore } from '../store';

export function Header() {
  const mode = useChatStore((s) => s.mode);
  const models = useChatStore((s) => s.models);
  const model = useChatStore((s) => s.settings.model);
  const streaming = useChatStore((s) => s.streaming !== null);
  return (
    <header className="flex items-center gap-3 border-b border-stone-200 px-4 py-2.5 dark:border-stone-800">
      <h1 className="text-base font-semibold tracking-tight">Claude Stream Chat</h1>
      {mode === 'simulator' && (
        <span
          data-testid="simulator-badge"
          title="No ANTHROPIC_API_KEY is set: answers come from the built-in simulator, not from Claude."
          className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900/50 dark:text-amber-200"
        >
          Simulator
        </span>
      )}
      <label className="ml-auto flex items-center gap-2 text-sm">
        <span className="text-stone-500 dark:text-stone-400">Model</span>
        <select
          value={model}
          disabled={streaming}
          onChange={(event) => useChatStore.setState((s) => ({ settings: { ...s.settings, model: event.target.value } }))}
          className="rounded-lg border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
        >
          {(models.length > 0 ? models : [{ id: model, displayName: model }]).map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
