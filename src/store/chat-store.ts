// One zustand store. It holds every conversation's metadata, and the active
// conversation's messages (the whole tree) and settings; the fields the chat
// UI reads (`messageIds`, `messages`, `settings`) are the active
// conversation's view. While an answer streams, its message lives in the
// `streaming` slot, so the once-per-frame update replaces one small object
// instead of copying the whole conversation; it moves into `messages` when
// the stream ends.
import { create } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaultSettings, type ConversationSettings } from '../settings';
import { BUILTIN_TOOLS } from '../tools';
import type { StreamLog } from '../transport';
import { newId } from './ids';
import type { AssistantMessage, BackendMode, ConversationMeta, MessageMap, ModelOption, RateLimitHeaders, RetryCountdown, StorageProblem, TurnControl } from './types';

/** Built-in tools are on in a new conversation, so `/sim tool` shows the whole loop at once. */
const BUILTIN_TOOL_NAMES = BUILTIN_TOOLS.map((tool) => tool.name);

export interface ChatState {
  /** The visible path through the active conversation's tree (the streaming answer included). */
  readonly messageIds: readonly string[];
  /** Every committed message of the active conversation, all branches. */
  readonly messages: MessageMap;
  readonly streaming: AssistantMessage | null;
  /** True from send until the turn ends (streams, tool runs and waits for the user included). */
  readonly turnActive: boolean;
  /** How to stop the running turn, and when it is over; null when no turn runs. */
  readonly turn: TurnControl | null;
  readonly retry: RetryCountdown | null;
  /** The active conversation's settings (its `ConversationMeta.settings` is refreshed on switching away). */
  readonly settings: ConversationSettings;
  readonly mode: BackendMode;
  readonly models: readonly ModelOption[];
  readonly activeId: string;
  readonly conversations: Readonly<Record<string, ConversationMeta>>;
  /** The user message being edited in place, if any. */
  readonly editingId: string | null;
  readonly storageProblem: StorageProblem | null;
  /**
   * The raw record of each answer streamed in this page and conversation, by
   * message id, read only when the inspector or the timing details ask. A log
   * dropped from here is released where it is kept (see releaseDroppedLogs).
   */
  readonly streamLogs: Readonly<Record<string, StreamLog>>;
  /** The latest response's `anthropic-ratelimit-*` headers (the account's, so they outlive a conversation switch); null until one arrives. */
  readonly rateLimits: RateLimitHeaders | null;
}

export function emptyConversation(id: string, settings: ConversationSettings, now: number): ConversationMeta {
  return { id, title: '', createdAt: now, updatedAt: now, settings, selection: {} };
}

export function initialChatState(builtinToolNames: readonly string[] = BUILTIN_TOOL_NAMES): ChatState {
  const settings = defaultSettings(builtinToolNames);
  const first = emptyConversation(newId('conv'), settings, Date.now());
  return {
    messageIds: [],
    messages: {},
    streaming: null,
    turnActive: false,
    turn: null,
    retry: null,
    settings,
    mode: 'unknown',
    models: [],
    activeId: first.id,
    conversations: { [first.id]: first },
    editingId: null,
    storageProblem: null,
    streamLogs: {},
    rateLimits: null,
  };
}

export type ChatStore = StoreApi<ChatState>;

export const useChatStore = create<ChatState>()(() => initialChatState());
releaseDroppedLogs(useChatStore);

/** A store of its own (tests that play two tabs). */
export function createChatStore(builtinToolNames: readonly string[] = BUILTIN_TOOL_NAMES): ChatStore {
  const store = createStore<ChatState>()(() => initialChatState(builtinToolNames));
  releaseDroppedLogs(store);
  return store;
}

/** Whoever drops a stream log from the state (switching conversations, deleting a message) lets its record go. */
function releaseDroppedLogs(store: ChatStore): void {
  store.subscribe((state, previous) => {
    if (state.streamLogs === previous.streamLogs) return;
    for (const [id, log] of Object.entries(previous.streamLogs)) if (state.streamLogs[id] !== log) log.release();
  });
}

export function resetChatStore(builtinToolNames: readonly string[] = BUILTIN_TOOL_NAMES): void {
  useChatStore.setState(initialChatState(builtinToolNames), true);
}
