// Problems that would make the API reject the request, found before sending.
import { validateSettings, type ConversationSettings, type ModelCapabilities } from '../settings';
import { enabledTools } from './tools-in-use';

export function settingsProblems(settings: ConversationSettings, capabilities?: ModelCapabilities): string[] {
  const tools = enabledTools(settings);
  const names = [...tools.builtin, ...tools.custom].map((t) => t.name);
  return validateSettings(settings, names, tools.errors, capabilities).map((p) => p.message);
}
