// What the app learns from its own server at start: simulator or real API,
// and the models on offer.
import type { ModelInfo } from '@anthropic-ai/sdk/resources/models';
import { maxTokensAfterModelChange } from '../settings';
import { useChatStore, type BackendMode, type ModelOption } from '../store';
import { fetchJson } from '../transport';

export const STATUS_URL = '/_app/status';
export const MODELS_URL = '/api/v1/models?limit=100';

/** Shown when the models list cannot be loaded. */
export const FALLBACK_MODELS: readonly ModelOption[] = [
  { id: 'claude-sonnet-5-5', displayName: 'Claude Sonnet 5.5' },
  { id: 'claude-opus-5-5', displayName: 'Claude Opus 5.5' },
  { id: 'claude-haiku-5-5', displayName: 'Claude Haiku 5.5' },
  { id: 'claude-opus-4-6', displayName: 'Claude Opus 4.6' },
];

export async function loadBackend(): Promise<void> {
  const [status, models] = await Promise.all([
    fetchJson<{ mode: BackendMode }>(STATUS_URL),
    fetchJson<{ data: ModelInfo[] }>(MODELS_URL, { headers: { 'anthropic-version': '2023-06-01' } }),
  ]);
  const options = models.ok && models.value.data.length > 0 ? models.value.data.map(toModelOption) : FALLBACK_MODELS;
  const settings = useChatStore.getState().settings;
  const model = options.some((m) => m.id === settings.model) ? settings.model : (options[0]?.id ?? settings.model);
  const limitsOf = (id: string) => options.find((m) => m.id === id)?.limits;
  const maxTokens = maxTokensAfterModelChange(settings.maxTokens, settings.model, model, limitsOf(settings.model), limitsOf(model));
  useChatStore.setState({
    mode: status.ok ? status.value.mode : 'unknown',
    models: options,
    settings: { ...settings, model, maxTokens },
  });
}

/** The thinking capabilities the models list reports, when it does (newer API responses). */
function toModelOption(info: ModelInfo): ModelOption {
  const types = info.capabilities?.thinking?.types;
  return {
    id: info.id,
    displayName: info.display_name,
    capabilities: types === undefined ? undefined : { adaptiveThinking: types.adaptive?.supported, manualThinking: types.enabled?.supported },
    limits: { ...(typeof info.max_input_tokens === 'number' ? { maxInputTokens: info.max_input_tokens } : {}), ...(typeof info.max_tokens === 'number' ? { maxTokens: info.max_tokens } : {}) },
  };
}
