// Per-conversation request settings. Each control shows only what the model
// accepts, and problems are explained here and before sending.
import type { ReactNode } from 'react';
import { BUILTIN_TOOL_NAMES, CacheLossNote, enabledTools, settingsProblems } from '../chat';
import { MIN_THINKING_BUDGET, modelTraits, type ConversationSettings, type ThinkingEffort } from '../settings';
import { useChatStore } from '../store';
import { Modal } from '../ui';
import { ModelSelect } from './model-select';
import { ServerToolsField } from './server-tools-field';

export function updateSettings(patch: Partial<ConversationSettings>): void {
  useChatStore.setState((s) => ({ settings: { ...s.settings, ...patch } }));
}

export function SettingsDialog({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const settings = useChatStore((s) => s.settings);
  const capabilities = useChatStore((s) => s.models.find((m) => m.id === s.settings.model)?.capabilities);
  const traits = modelTraits(settings.model, capabilities);
  const problems = settingsProblems(settings, capabilities);
  const tools = enabledTools(settings);
  const toolNames = [...tools.builtin, ...tools.custom].map((t) => t.name);

  return (
    <Modal open={open} onClose={onClose} title="Conversation settings" closeLabel="Done">
          <CacheLossNote where="settings" />
          <Field label="Model">
            <ModelSelect />
          </Field>
          <Field label="System prompt">
            <textarea rows={3} value={settings.system} onChange={(e) => updateSettings({ system: e.target.value })} className="field" />
          </Field>
          <div className="grid grid-cols-2 gap-4">
            <Field label="Max tokens">
              <input type="number" min={1} value={settings.maxTokens} onChange={(e) => updateSettings({ maxTokens: Math.floor(Number(e.target.value)) })} className="field" />
            </Field>
            <Field label="Temperature" hint={traits.customTemperature ? 'Empty: the API default (1.0).' : `${settings.model} does not accept a temperature.`}>
              <input
                type="number"
                min={0}
                max={1}
                step={0.1}
                disabled={!traits.customTemperature && settings.temperature === null}
                value={settings.temperature ?? ''}
                placeholder="default"
                onChange={(e) => updateSettings({ temperature: e.target.value === '' ? null : Number(e.target.value) })}
                className="field"
              />
            </Field>
          </div>
          <Field label="Stop sequences" hint="One per line.">
            <textarea
              rows={2}
              value={settings.stopSequences.join('\n')}
              onChange={(e) => updateSettings({ stopSequences: e.target.value === '' ? [] : e.target.value.split('\n') })}
              className="field font-mono"
            />
          </Field>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={settings.promptCaching} onChange={(e) => updateSettings({ promptCaching: e.target.checked })} />
            <span>
              <span className="font-medium">Prompt caching</span>
              <span className="ml-2 text-xs text-stone-600 dark:text-stone-400">Caches the conversation so far (5 minutes) so the next turn costs less.</span>
            </span>
          </label>
          <ThinkingField settings={settings} adaptive={traits.adaptiveThinking} manual={traits.manualThinking} />
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 font-medium">Tools</legend>
            <div className="flex flex-wrap gap-4">
              {BUILTIN_TOOL_NAMES.map((name) => (
                <label key={name} className="flex items-center gap-1.5">
                  <input
                    type="checkbox"
                    checked={settings.builtinTools[name] === true}
                    onChange={(e) => updateSettings({ builtinTools: { ...settings.builtinTools, [name]: e.target.checked } })}
                  />
                  <span className="font-mono text-xs">{name}</span>
                </label>
              ))}
            </div>
            <Field label="Your tools (JSON: one definition or an array)" hint="When Claude calls one of these, you type its result.">
              <textarea
                rows={5}
                spellCheck={false}
                value={settings.customToolsJson}
                placeholder='[{"name": "get_weather", "description": "…", "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}]'
                onChange={(e) => updateSettings({ customToolsJson: e.target.value })}
                className="field font-mono text-xs"
              />
            </Field>
            <div className="grid grid-cols-2 gap-4">
              <Field label="Tool choice">
                <select
                  value={settings.toolChoice.type === 'tool' ? `tool:${settings.toolChoice.name}` : settings.toolChoice.type}
                  onChange={(e) => {
                    const value = e.target.value;
                    updateSettings({ toolChoice: value.startsWith('tool:') ? { type: 'tool', name: value.slice(5) } : { type: value as 'auto' | 'any' | 'none' } });
                  }}
                  className="field"
                >
                  <option value="auto">auto</option>
                  <option value="any">any (must use a tool)</option>
                  <option value="none">none</option>
                  {toolNames.map((name) => (
                    <option key={name} value={`tool:${name}`}>
                      only {name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Run built-in tools">
                <select value={settings.approval} onChange={(e) => updateSettings({ approval: e.target.value as 'auto' | 'ask' })} className="field">
                  <option value="auto">automatically</option>
                  <option value="ask">after I approve each call</option>
                </select>
              </Field>
            </div>
            <div className="grid grid-cols-2 gap-4">
              <Field label="Requests per turn (limit)">
                <input type="number" min={1} value={settings.maxRoundTrips} onChange={(e) => updateSettings({ maxRoundTrips: Math.floor(Number(e.target.value)) })} className="field w-28" />
              </Field>
              <Field label="Stall timeout (seconds)" hint="Give up when nothing, not even a ping, arrives for this long.">
                <input type="number" min={1} value={settings.stallTimeoutSeconds} onChange={(e) => updateSettings({ stallTimeoutSeconds: Number(e.target.value) })} className="field w-28" />
              </Field>
            </div>
          </fieldset>
          <ServerToolsField value={settings.serverTools} />
          {problems.length > 0 && (
            <ul role="alert" className="flex list-disc flex-col gap-1 rounded-lg border border-red-300 bg-red-50 py-2 pl-8 pr-3 text-red-800 dark:border-red-800 dark:bg-red-950/40 dark:text-red-300">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
    </Modal>
  );
}

function Field({ label, hint, children }: { readonly label: string; readonly hint?: string; readonly children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1">
      <span className="font-medium">{label}</span>
      {children}
      {hint !== undefined && <span className="text-xs text-stone-600 dark:text-stone-400">{hint}</span>}
    </label>
  );
}

const EFFORTS: readonly ThinkingEffort[] = ['low', 'medium', 'high', 'max'];

function ThinkingField({ settings, adaptive, manual }: { readonly settings: ConversationSettings; readonly adaptive: boolean; readonly manual: boolean }) {
  const thinking = settings.thinking;
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 font-medium">Extended thinking</legend>
      <div className="flex flex-wrap items-center gap-3">
        <select
          aria-label="Thinking mode"
          value={thinking.mode}
          onChange={(e) => {
            const mode = e.target.value;
            if (mode === 'adaptive') updateSettings({ thinking: { mode, effort: 'medium' } });
            else if (mode === 'enabled') updateSettings({ thinking: { mode, budgetTokens: Math.max(MIN_THINKING_BUDGET, Math.min(4096, settings.maxTokens - 1)) } });
            else updateSettings({ thinking: { mode: 'off' } });
          }}
          className="field"
        >
          <option value="off">off</option>
          {(adaptive || thinking.mode === 'adaptive') && <option value="adaptive">adaptive, with an effort level</option>}
          {(manual || thinking.mode === 'enabled') && <option value="enabled">with a token budget</option>}
        </select>
        {thinking.mode === 'adaptive' && (
          <select aria-label="Effort" value={thinking.effort} onChange={(e) => updateSettings({ thinking: { mode: 'adaptive', effort: e.target.value as ThinkingEffort } })} className="field">
            {EFFORTS.map((effort) => (
              <option key={effort} value={effort}>
                effort: {effort}
              </option>
            ))}
          </select>
        )}
        {thinking.mode === 'enabled' && (
          <label className="flex items-center gap-2">
            <span>Budget</span>
            <input
              type="number"
              min={MIN_THINKING_BUDGET}
              value={thinking.budgetTokens}
              onChange={(e) => updateSettings({ thinking: { mode: 'enabled', budgetTokens: Math.floor(Number(e.target.value)) } })}
              className="field w-28"
            />
            <span className="text-xs text-stone-600 dark:text-stone-400">tokens, below max tokens</span>
          </label>
        )}
      </div>
    </fieldset>
  );
}
