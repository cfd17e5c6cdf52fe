import { useChatStore } from '../store';

export function ModelSelect({ label }: { readonly label?: string }) {
  const models = useChatStore((s) => s.models);
  const model = useChatStore((s) => s.settings.model);
  const busy = useChatStore((s) => s.turnActive);
  const options = models.length > 0 ? models : [{ id: model, displayName: model }];
  return (
    <select
      aria-label={label}
      value={model}
      disabled={busy}
      onChange={(event) => useChatStore.setState((s) => ({ settings: { ...s.settings, model: event.target.value } }))}
      className="field"
    >
      {options.map((m) => (
        <option key={m.id} value={m.id}>
          {m.displayName}
        </option>
      ))}
    </select>
  );
}
