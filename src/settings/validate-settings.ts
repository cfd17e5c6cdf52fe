// Combinations the API would reject, explained before anything is sent.
import { modelTraits, type ModelCapabilities } from './model-traits';
import { serverToolDefinitions, serverToolProblems } from './server-tools';
import type { ConversationSettings } from './settings';

export interface SettingsProblem {
  readonly field: 'model' | 'maxTokens' | 'temperature' | 'thinking' | 'tools' | 'toolChoice' | 'stopSequences' | 'maxRoundTrips' | 'stallTimeout' | 'serverTools';
  readonly message: string;
}

export const MIN_THINKING_BUDGET = 1024;

export function validateSettings(
  settings: ConversationSettings,
  toolNames: readonly string[],
  toolErrors: readonly string[] = [],
  capabilities?: ModelCapabilities,
): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const traits = modelTraits(settings.model, capabilities);
  if (!Number.isInteger(settings.maxTokens) || settings.maxTokens < 1) {
    problems.push({ field: 'maxTokens', message: 'Max tokens must be a whole number of at least 1.' });
  }
  if (settings.temperature !== null) {
    if (!traits.customTemperature) problems.push({ field: 'temperature', message: `${settings.model} does not accept a temperature setting.` });
    else if (settings.temperature < 0 || settings.temperature > 1) problems.push({ field: 'temperature', message: 'Temperature must be between 0 and 1.' });
    else if (settings.thinking.mode !== 'off' && settings.temperature !== 1) problems.push({ field: 'temperature', message: 'With extended thinking, temperature can only be 1.' });
  }
  const thinking = settings.thinking;
  if (thinking.mode === 'adaptive' && !traits.adaptiveThinking) {
    problems.push({ field: 'thinking', message: `${settings.model} does not support adaptive thinking; use a thinking budget.` });
  }
  if (thinking.mode === 'enabled') {
    if (!traits.manualThinking) problems.push({ field: 'thinking', message: `${settings.model} takes adaptive thinking only; choose an effort level instead of a budget.` });
    if (thinking.budgetTokens < MIN_THINKING_BUDGET) problems.push({ field: 'thinking', message: `The thinking budget must be at least ${MIN_THINKING_BUDGET} tokens.` });
    if (thinking.budgetTokens >= settings.maxTokens) problems.push({ field: 'thinking', message: `The thinking budget (${thinking.budgetTokens}) must be below max tokens (${settings.maxTokens}).` });
  }
  for (const error of toolErrors) problems.push({ field: 'tools', message: error });
  for (const message of serverToolProblems(settings.serverTools)) problems.push({ field: 'serverTools', message });
  for (const tool of serverToolDefinitions(settings.serverTools)) {
    // The API wants every tool name unique, server tools included.
    if (toolNames.includes(tool.name)) problems.push({ field: 'serverTools', message: `A tool of yours is named "${tool.name}", like Claude's own ${tool.name.replace('_', ' ')} tool: rename it or switch one off.` });
  }
  const choice = settings.toolChoice;
  if (choice.type === 'tool' && !toolNames.includes(choice.name)) {
    problems.push({ field: 'toolChoice', message: `Tool choice names "${choice.name}", which is not an enabled tool.` });
  }
  if (thinking.mode !== 'off' && (choice.type === 'any' || choice.type === 'tool') && toolNames.length > 0) {
    problems.push({ field: 'toolChoice', message: 'Extended thinking only works with tool choice "auto" or "none".' });
  }
  if (settings.stopSequences.some((s) => s.trim() === '')) {
    problems.push({ field: 'stopSequences', message: 'Stop sequences cannot be blank.' });
  }
  if (!Number.isInteger(settings.maxRoundTrips) || settings.maxRoundTrips < 1) {
    problems.push({ field: 'maxRoundTrips', message: 'The round-trip limit must be at least 1.' });
  }
  if (!(settings.stallTimeoutSeconds >= 1)) {
    problems.push({ field: 'stallTimeout', message: 'The stall timeout must be at least 1 second.' });
  }
  return problems;
}
