// The tools a conversation offers: the enabled built-ins and the user's own
// definitions (invalid definitions are reported in Settings and not sent).
import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import type { ConversationSettings } from '../settings';
import { BUILTIN_TOOLS, parseToolDefinitions, runBuiltinTool } from '../tools';
import type { ToolRunner } from './tool-calls';

export const BUILTIN_TOOL_NAMES: readonly string[] = BUILTIN_TOOLS.map((tool) => tool.name);

export function enabledTools(settings: ConversationSettings): { builtin: Tool[]; custom: Tool[]; errors: string[] } {
  const builtin = BUILTIN_TOOLS.filter((tool) => settings.builtinTools[tool.name] === true);
  if (settings.customToolsJson.trim() === '') return { builtin, custom: [], errors: [] };
  const parsed = parseToolDefinitions(settings.customToolsJson, BUILTIN_TOOL_NAMES);
  return parsed.ok ? { builtin, custom: parsed.tools, errors: [] } : { builtin, custom: [], errors: parsed.errors };
}

export const toolRunner: ToolRunner = {
  run: (name, input) => runBuiltinTool(name, input, { now: new Date() }),
};
