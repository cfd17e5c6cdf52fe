// One zustand store. While an answer streams, its message lives in the
// `streaming` slot, so the once-per-frame update replaces one small object
// instead of copying the whole conversation; it moves into `messages` when
// the stream ends.
import { create } from 'zustand';
import type { StreamedMessage } from '../protocol';
import { defaultSettings, type ConversationSettings, type ModelCapabilities } from '../settings';
import { BUILTIN_TOOLS } from '../tools';

/** Built-in tools are on in a new conversation, so `/sim tool` shows the whole loop at once. */
const BUILTIN_TOOL_NAMES = BUILTIN_TOOLS.map((tool) => tool.name);

export interface UserMessage {
  readonly id: string;
  readonly role: 'user';
  readonly text: string;
}

export interface AssistantMessage {
  readonly id: string;
  readonly role: 'assistant';
  readonly stream: StreamedMessage;
  /** The `request-id` response header, for support and the usage panel. */
  readonly requestId: string | null;
  /** The model asked for; the stream's header names the model that answered. */
  readonly requestedModel: string;
  /** Set on an answer that continues a cut-off one; shown joined to it. */
  readonly continuationOf?: string;
}

export type ToolResultState =
  /** A built-in tool waiting for the user's approval (approval mode "ask"). */
  | 'awaiting_approval'
  /** A user-defined tool: the user types its result. */
  | 'awaiting_input'
  | 'done';

export interface ToolResultEntry {
  readonly toolUseId: string;
  readonly name: string;
  readonly input: unknown;
  readonly state: ToolResultState;
  readonly content: string;
  readonly isError: boolean;
  readonly builtin: boolean;
}

/** The user turn that answers a tool_use stop: one tool_result per call, in order. */
export interface ToolResultsMessage {
  readonly id: string;
  readonly role: 'tool_results';
  readonly results: readonly ToolResultEntry[];
}

/** A note from the app in the transcript (never sent to the API). */
export interface NoticeMessage {
  readonly id: string;
  readonly role: 'notice';
  readonly text: string;
}

export type ChatMessage = UserMessage | AssistantMessage | ToolResultsMessage | NoticeMessage;

export type BackendMode = 'simulator' | 'anthropic' | 'unknown';

export interface ModelOption {
  readonly id: string;
  readonly displayName: string;
  readonly capabilities?: ModelCapabilities;
}

/** A request that failed before streaming and will be sent again. */
export interface RetryCountdown {
  readonly messageId: string;
  /** The retry about to be made, from 1. */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** Epoch ms when it will be sent. */
  readonly at: number;
}

export interface ChatState {
  readonly messageIds: readonly string[];
  readonly messages: Readonly<Record<string, ChatMessage>>;
  readonly streaming: AssistantMessage | null;
  /** True from send until the turn ends (streams, tool runs and waits for the user included). */
  readonly turnActive: boolean;
  readonly retry: RetryCountdown | null;
  readonly settings: ConversationSettings;
  readonly mode: BackendMode;
  readonly models: readonly ModelOption[];
}

export function initialChatState(builtinToolNames: readonly string[] = BUILTIN_TOOL_NAMES): ChatState {
  return {
    messageIds: [],
    messages: {},
    streaming: null,
    turnActive: false,
    retry: null,
    settings: defaultSettings(builtinToolNames),
    mode: 'unknown',
    models: [],
  };
}

export const useChatStore = create<ChatState>()(() => initialChatState());

export function resetChatStore(builtinToolNames: readonly string[] = BUILTIN_TOOL_NAMES): void {
  useChatStore.setState(initialChatState(builtinToolNames), true);
}
