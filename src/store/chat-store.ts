// One zustand store. While an answer streams, its message lives in the
// `streaming` slot, so the once-per-frame update replaces one small object
// instead of copying the whole conversation; it moves into `messages` when
// the stream ends.
import { create } from 'zustand';
import type { StreamedMessage } from '../protocol';

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
}

export type ChatMessage = UserMessage | AssistantMessage;

export type BackendMode = 'simulator' | 'anthropic' | 'unknown';

export interface RequestSettings {
  readonly model: string;
  readonly maxTokens: number;
  readonly system: string;
}

export interface ChatState {
  readonly messageIds: readonly string[];
  readonly messages: Readonly<Record<string, ChatMessage>>;
  readonly streaming: AssistantMessage | null;
  readonly settings: RequestSettings;
  readonly mode: BackendMode;
  readonly models: readonly ModelOption[];
}

export interface ModelOption {
  readonly id: string;
  readonly displayName: string;
}

export const DEFAULT_SETTINGS: RequestSettings = {
  model: 'claude-sonnet-5-5',
  maxTokens: 4096,
  system: '',
};

export function initialChatState(): ChatState {
  return { messageIds: [], messages: {}, streaming: null, settings: DEFAULT_SETTINGS, mode: 'unknown', models: [] };
}

export const useChatStore = create<ChatState>()(() => initialChatState());

export function resetChatStore(): void {
  useChatStore.setState(initialChatState(), true);
}
