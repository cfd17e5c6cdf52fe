// State transitions on the store, pure: each takes the state and returns the
// fields that change. Adding a message always extends the visible path (its
// parent is the path's end); starting a branch first cuts the path back to
// the fork (`truncateAfter`), so the old branch stays in the tree.
import type { ChatState } from './chat-store';
import { emptyConversation } from './chat-store';
import { parentKey, titleFrom, visiblePath } from './tree';
import type { StreamLog } from '../transport';
import type { AssistantMessage, ChatMessage, ConversationMeta, MessageDraft, MessageMap } from './types';

type Change = Partial<ChatState>;

/** Places a draft at the end of the visible path. */
export function place<T extends ChatMessage>(state: ChatState, draft: MessageDraft<T>, now: number): T {
  return { ...draft, parentId: state.messageIds.at(-1) ?? null, createdAt: now } as unknown as T;
}

function withoutKey(selection: Readonly<Record<string, string>>, key: string): Readonly<Record<string, string>> {
  if (!(key in selection)) return selection;
  const { [key]: _drop, ...rest } = selection;
  return rest;
}

/** The active conversation's metadata after a message is added: activity time, title, and the fork showing the newest child. */
function touched(state: ChatState, message: ChatMessage): Readonly<Record<string, ConversationMeta>> {
  const meta = state.conversations[state.activeId];
  if (meta === undefined) return state.conversations;
  const title = meta.title === '' && message.role === 'user' ? titleFrom(message.text) : meta.title;
  const next: ConversationMeta = { ...meta, title, updatedAt: message.createdAt, selection: withoutKey(meta.selection, parentKey(message)) };
  return { ...state.conversations, [meta.id]: next };
}

export function appendMessage(state: ChatState, message: ChatMessage): Change {
  return { messageIds: [...state.messageIds, message.id], messages: { ...state.messages, [message.id]: message }, conversations: touched(state, message) };
}

export function beginStreaming(state: ChatState, message: AssistantMessage): Change {
  return { messageIds: [...state.messageIds, message.id], streaming: message, conversations: touched(state, message) };
}

/** Streams into an answer already in the transcript (attaching again after a reload). */
export function resumeStreaming(_state: ChatState, message: AssistantMessage): Change {
  return { streaming: message };
}

export function commitStreaming(state: ChatState, message: AssistantMessage): Change {
  return { streaming: null, messages: { ...state.messages, [message.id]: message } };
}

export function addStreamLog(state: ChatState, messageId: string, log: StreamLog): Change {
  return { streamLogs: { ...state.streamLogs, [messageId]: log } };
}

/** Forgets a stream's live record (it was stored): the store lets go of it where the stream ran. */
export function dropStreamLog(state: ChatState, messageId: string): Change {
  const { [messageId]: _dropped, ...streamLogs } = state.streamLogs;
  return { streamLogs };
}

export function replaceMessage(state: ChatState, message: ChatMessage): Change {
  return { messages: { ...state.messages, [message.id]: message } };
}

/** Deletes messages outright (a failed attempt an automatic retry replaces). */
export function removeMessages(state: ChatState, ids: ReadonlySet<string>): Change {
  const messages: Record<string, ChatMessage> = { ...state.messages };
  for (const id of ids) delete messages[id];
  const streamLogs = Object.fromEntries(Object.entries(state.streamLogs).filter(([id]) => !ids.has(id)));
  return { messages, messageIds: state.messageIds.filter((id) => !ids.has(id)), streamLogs };
}

/** Cuts the visible path back to `id` (null: to the root), where a new branch will grow. */
export function truncateAfter(state: ChatState, id: string | null): Change {
  if (id === null) return { messageIds: [] };
  const index = state.messageIds.indexOf(id);
  return index < 0 ? {} : { messageIds: state.messageIds.slice(0, index + 1) };
}

/** Shows the branch through `id` at its fork. */
export function selectBranch(state: ChatState, id: string): Change {
  const message = state.messages[id];
  const meta = state.conversations[state.activeId];
  if (message === undefined || meta === undefined) return {};
  const selection = { ...meta.selection, [parentKey(message)]: id };
  return { conversations: { ...state.conversations, [meta.id]: { ...meta, selection } }, messageIds: visiblePath(state.messages, selection) };
}

/** Makes another conversation active, with its messages (loaded by the caller). */
export function openConversation(state: ChatState, meta: ConversationMeta, messages: MessageMap): Change {
  const current = state.conversations[state.activeId];
  const conversations = { ...state.conversations, [meta.id]: meta };
  if (current !== undefined && current.id !== meta.id) conversations[current.id] = { ...current, settings: state.settings };
  return {
    activeId: meta.id,
    conversations,
    messages,
    messageIds: visiblePath(messages, meta.selection),
    settings: meta.settings,
    streaming: null,
    retry: null,
    editingId: null,
    // A stream's record belongs to the page that received it, in the conversation it was in.
    streamLogs: meta.id === state.activeId ? state.streamLogs : {},
  };
}

/** A new, empty conversation with the current settings, made active. */
export function startConversation(state: ChatState, id: string, now: number): Change {
  return openConversation(state, emptyConversation(id, state.settings, now), {});
}

export function renameConversation(state: ChatState, id: string, title: string): Change {
  const meta = state.conversations[id];
  const trimmed = title.trim();
  if (meta === undefined || trimmed === '' || trimmed === meta.title) return {};
  return { conversations: { ...state.conversations, [id]: { ...meta, title: trimmed } } };
}

/** Forgets a conversation that is not the active one (switch away first). */
export function dropConversation(state: ChatState, id: string): Change {
  if (id === state.activeId || !(id in state.conversations)) return {};
  const { [id]: _drop, ...conversations } = state.conversations;
  return { conversations };
}

/** The conversation's metadata with the live settings when it is the active one. */
export function metaOf(state: ChatState, id: string): ConversationMeta | undefined {
  const meta = state.conversations[id];
  return meta !== undefined && id === state.activeId ? { ...meta, settings: state.settings } : meta;
}
