// Per-conversation request settings, and their translation into the
// Messages API request. Pure.
import type { MessageCreateParamsStreaming, ToolChoice, ToolUnion } from '@anthropic-ai/sdk/resources/messages';
import { defaultMaxTokens } from './model-limits';
import { betasForTools, defaultServerTools, serverToolDefinitions, type ServerToolsSetting } from './server-tools';

export type ThinkingEffort = 'low' | 'medium' | 'high' | 'max';

export type ThinkingSetting =
  | { readonly mode: 'off' }
  | { readonly mode: 'adaptive'; readonly effort: ThinkingEffort }
  | { readonly mode: 'enabled'; readonly budgetTokens: number };

export type ToolChoiceSetting =
  | { readonly type: 'auto' }
  | { readonly type: 'any' }
  | { readonly type: 'none' }
  | { readonly type: 'tool'; readonly name: string };

export interface ConversationSettings {
  readonly model: string;
  readonly system: string;
  readonly maxTokens: number;
  /** Null: not sent (the API default). */
  readonly temperature: number | null;
  readonly stopSequences: readonly string[];
  readonly thinking: ThinkingSetting;
  /** Built-in tool name -> enabled. */
  readonly builtinTools: Readonly<Record<string, boolean>>;
  /** The user's tool definitions, as typed in the editor (JSON). */
  readonly customToolsJson: string;
  readonly toolChoice: ToolChoiceSetting;
  /** Built-in tools run at once, or after the user approves each call. */
  readonly approval: 'auto' | 'ask';
  /** Requests per turn before the loop stops (tool calls and pause_turn continuations). */
  readonly maxRoundTrips: number;
  /** Mark the conversation so far as a cache breakpoint, so the next turn reads it from the prompt cache. */
  readonly promptCaching: boolean;
  /** Give up on a stream that sends no byte (pings included) for this long. */
  readonly stallTimeoutSeconds: number;
  /** Anthropic's server tools: web search, web fetch, code execution. */
  readonly serverTools: ServerToolsSetting;
}

export const DEFAULT_MODEL = 'claude-sonnet-5-5';

export function defaultSettings(builtinToolNames: readonly string[] = []): ConversationSettings {
  return {
    model: DEFAULT_MODEL,
    system: '',
    maxTokens: defaultMaxTokens(DEFAULT_MODEL),
    temperature: null,
    stopSequences: [],
    thinking: { mode: 'off' },
    builtinTools: Object.fromEntries(builtinToolNames.map((name) => [name, true])),
    customToolsJson: '',
    toolChoice: { type: 'auto' },
    approval: 'auto',
    maxRoundTrips: 10,
    promptCaching: true,
    stallTimeoutSeconds: 30,
    serverTools: defaultServerTools(),
  };
}

/**
 * The app speaks `anthropic-version: 2023-06-01`, where `temperature` still
 * exists for models up to Opus 4.6; the SDK 1.x types follow 2026-10-21,
 * which removed it.
 */
export type RequestOptions = Omit<MessageCreateParamsStreaming, 'messages'> & { temperature?: number };

/** The API version the app sends. */
export const API_VERSION = '2023-06-01';

/** The request fields that come from the settings; `tools` are the client tool definitions already resolved (server tools are added here). */
export function toRequestOptions(settings: ConversationSettings, clientTools: readonly ToolUnion[]): RequestOptions {
  const tools = [...clientTools, ...serverToolDefinitions(settings.serverTools ?? defaultServerTools())];
  const options: RequestOptions = { model: settings.model, max_tokens: settings.maxTokens, stream: true };
  if (settings.system.trim() !== '') options.system = settings.system;
  if (settings.temperature !== null) options.temperature = settings.temperature;
  if (settings.stopSequences.length > 0) options.stop_sequences = [...settings.stopSequences];
  const thinking = settings.thinking;
  switch (thinking.mode) {
    case 'off':
      break;
    case 'adaptive':
      // Always ask for summarized thinking: some models default to omitting it.
      options.thinking = { type: 'adaptive', display: 'summarized' } as RequestOptions['thinking'];
      options.output_config = { effort: thinking.effort };
      break;
    case 'enabled':
      options.thinking = { type: 'enabled', budget_tokens: thinking.budgetTokens, display: 'summarized' } as RequestOptions['thinking'];
      break;
    default: {
      const unreachable: never = thinking;
      return unreachable;
    }
  }
  if (tools.length > 0) {
    options.tools = [...tools];
    options.tool_choice = toToolChoice(settings.toolChoice);
  }
  return options;
}

function toToolChoice(choice: ToolChoiceSetting): ToolChoice {
  return choice.type === 'tool' ? { type: 'tool', name: choice.name } : { type: choice.type };
}

/** Headers beside the body: the API version, and `anthropic-beta` when a tool version still needs one. */
export function requestHeaders(options: Pick<RequestOptions, 'tools'>): Record<string, string> {
  const betas = betasForTools(options.tools ?? []);
  return betas.length === 0 ? { 'anthropic-version': API_VERSION } : { 'anthropic-version': API_VERSION, 'anthropic-beta': betas.join(',') };
}
