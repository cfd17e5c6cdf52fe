// Settings for Claude's own tools (run by Anthropic, not in the browser): a
// switch for each, and its options once it is on. Problems are listed with
// the dialog's others (validate-settings.ts) before anything is sent.
import { useState, type ReactNode } from 'react';
import { parseDomainList, type ServerToolsSetting } from '../settings';
import { useChatStore } from '../store';

function update(patch: (current: ServerToolsSetting) => ServerToolsSetting): void {
  useChatStore.setState((s) => ({ settings: { ...s.settings, serverTools: patch(s.settings.serverTools) } }));
}

export function ServerToolsField({ value }: { readonly value: ServerToolsSetting }) {
  const search = value.webSearch;
  const fetch = value.webFetch;
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 font-medium">Claude's own tools</legend>
      <p className="text-xs text-stone-600 dark:text-stone-400">Run by Anthropic during the answer. Web search costs $10 per 1,000 searches; code execution is billed by container time; page text adds input tokens.</p>
      <Switch label="Web search" checked={search.enabled} onChange={(enabled) => update((s) => ({ ...s, webSearch: { ...s.webSearch, enabled } }))} />
      {search.enabled && (
        <Options>
          <NumberInput label="Web search max uses" value={search.maxUses} onChange={(maxUses) => update((s) => ({ ...s, webSearch: { ...s.webSearch, maxUses } }))} />
          <ListInput label="Web search allowed domains" value={search.allowedDomains} onChange={(allowedDomains) => update((s) => ({ ...s, webSearch: { ...s.webSearch, allowedDomains } }))} />
          <ListInput label="Web search blocked domains" value={search.blockedDomains} onChange={(blockedDomains) => update((s) => ({ ...s, webSearch: { ...s.webSearch, blockedDomains } }))} />
          {(['city', 'region', 'country', 'timezone'] as const).map((key) => (
            <TextInput
              key={key}
              label={`User location ${key === 'timezone' ? 'time zone' : key}`}
              placeholder={{ city: 'London', region: 'England', country: 'GB', timezone: 'Europe/London' }[key]}
              value={search.userLocation[key]}
              onChange={(text) => update((s) => ({ ...s, webSearch: { ...s.webSearch, userLocation: { ...s.webSearch.userLocation, [key]: text } } }))}
            />
          ))}
        </Options>
      )}
      <Switch label="Web fetch" checked={fetch.enabled} onChange={(enabled) => update((s) => ({ ...s, webFetch: { ...s.webFetch, enabled } }))} hint="Reads pages whose address is in the conversation." />
      {fetch.enabled && (
        <Options>
          <NumberInput label="Web fetch max uses" value={fetch.maxUses} onChange={(maxUses) => update((s) => ({ ...s, webFetch: { ...s.webFetch, maxUses } }))} />
          <ListInput label="Web fetch allowed domains" value={fetch.allowedDomains} onChange={(allowedDomains) => update((s) => ({ ...s, webFetch: { ...s.webFetch, allowedDomains } }))} />
          <NumberInput label="Web fetch max content tokens" value={fetch.maxContentTokens} onChange={(maxContentTokens) => update((s) => ({ ...s, webFetch: { ...s.webFetch, maxContentTokens } }))} />
          <label className="flex items-center gap-1.5 self-end pb-1.5">
            <input type="checkbox" checked={fetch.citations} onChange={(e) => update((s) => ({ ...s, webFetch: { ...s.webFetch, citations: e.target.checked } }))} />
            <span>Citations</span>
          </label>
        </Options>
      )}
      <Switch label="Code execution" checked={value.codeExecution.enabled} onChange={(enabled) => update((s) => ({ ...s, codeExecution: { enabled } }))} hint="Python and shell in a sandbox; files it creates are listed by id." />
    </fieldset>
  );
}

function Switch({ label, checked, onChange, hint }: { readonly label: string; readonly checked: boolean; readonly onChange: (checked: boolean) => void; readonly hint?: string }) {
  // The hint sits beside the label, not in it, so the switch's name is exactly the tool's.
  return (
    <div className="flex flex-wrap items-center gap-x-2">
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        <span className="font-medium">{label}</span>
      </label>
      {hint !== undefined && <span className="text-xs text-stone-600 dark:text-stone-400">{hint}</span>}
    </div>
  );
}

function Options({ children }: { readonly children: ReactNode }) {
  return <div className="ml-6 grid grid-cols-2 gap-x-4 gap-y-2">{children}</div>;
}

/** Visible label without the tool's name (the switch above says it); the accessible name has it. */
function shortLabel(label: string): string {
  return label.replace(/^Web (search|fetch) /, '').replace(/^./, (c) => c.toUpperCase());
}

function NumberInput({ label, value, onChange }: { readonly label: string; readonly value: number | null; readonly onChange: (value: number | null) => void }) {
  return (
    <label className="flex flex-col gap-1">
      <span className="text-xs">{shortLabel(label)}</span>
      <input type="number" min={1} aria-label={label} placeholder="no limit" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} className="field" />
    </label>
  );
}

function TextInput({ label, value, placeholder, onChange }: { readonly label: string; readonly value: string; readonly placeholder: string; readonly onChange: (value: string) => void }) {
  return (
    <label className="flex flex-col gap-1">
      <span className="text-xs">{shortLabel(label)}</span>
      <input type="text" aria-label={label} placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} className="field" />
    </label>
  );
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A list typed with commas or spaces: the text is kept as typed while it still means the stored list. */
function ListInput({ label, value, onChange }: { readonly label: string; readonly value: readonly string[]; readonly onChange: (value: string[]) => void }) {
  const [text, setText] = useState(value.join(', '));
  const shown = sameList(parseDomainList(text), value) ? text : value.join(', ');
  return (
    <label className="col-span-2 flex flex-col gap-1">
      <span className="text-xs">{shortLabel(label)}</span>
      <input
        type="text"
        aria-label={label}
        placeholder="example.com, docs.example.org"
        spellCheck={false}
        value={shown}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseDomainList(e.target.value));
        }}
        className="field font-mono text-xs"
      />
    </label>
  );
}
