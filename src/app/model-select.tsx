import { maxTokensAfterModelChange } from '../settings';
import { useChatStore } from '../store';

/** Switching models carries max tokens along: a value left at the old model's default follows the new one's. */
export function chooseModel(model: string): void {
  useChatStore.setState((s) => {
    const limitsOf = (id: string) => s.models.find((m) => m.id === id)?.limits;
    const maxTokens = maxTokensAfterModelChange(s.settings.maxTokens, s.settings.model, model, limitsOf(s.settings.model), limitsOf(model));
    return { settings: { ...s.settings, model, maxTokens } };
  });
}

export function ModelSelect({ label }: { readonly label?: string }) {
  const models = useChatStore((s) => s.models);
  const model = useChatStore((s) => s.settings.model);
  const busy = useChatStore((s) => s.turnActive);
  const options = models.length > 0 ? models : [{ id: model, displayName: model }];
  return (
    <select aria-label={label} value={model} disabled={busy} onChange={(event) => chooseModel(event.target.value)} className="field">
      {options.map((m) => (
        <option key={m.id} value={m.id}>
          {m.displayName}
        </option>
      ))}
    </select>
  );
}
