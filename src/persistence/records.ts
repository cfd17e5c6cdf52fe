// What is stored, one record per conversation and one per message (so a
// change writes one small record, never the whole conversation).
//
// Schema versions (`schemaVersion` on every record):
// - v0 (before branching; records have no `schemaVersion`): one record per
//   conversation in the `conversations` store, its messages inline as a
//   linear list (`messages`), without `parentId` or `createdAt`.
// - v1 (today): conversation records without messages; message records in
//   the `messages` store, keyed by [conversationId, id], each naming its
//   parent (the tree), with blocks as the reducer holds them except the
//   tool-input parser, which is rebuilt from `json` on load.
import type { BlockState, StreamedMessage } from '../protocol';
import type { ConversationSettings } from '../settings';
import type { StreamRecord } from '../record';
import type { AssistantMessage, ChatMessage } from '../store';

export const SCHEMA_VERSION = 1;

type ToolInputState = Extract<BlockState, { kind: 'tool_input' }>;

/** A block as stored: tool input without its parser (a class instance, not data). */
export type StoredBlock = Exclude<BlockState, { kind: 'tool_input' }> | Omit<ToolInputState, 'parser'>;

export type StoredStream = Omit<StreamedMessage, 'blocks'> & { readonly blocks: readonly StoredBlock[] };

export type StoredMessage = Exclude<ChatMessage, AssistantMessage> | (Omit<AssistantMessage, 'stream'> & { readonly stream: StoredStream });

export interface MessageRecord {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly conversationId: string;
  readonly id: string;
  readonly message: StoredMessage;
}

export interface ConversationRecord {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly settings: ConversationSettings;
  readonly selection: Readonly<Record<string, string>>;
}

/** The fields a tab may change on a conversation record; it writes only those it changed. */
export type ConversationField = 'title' | 'createdAt' | 'updatedAt' | 'settings' | 'selection';

export const CONVERSATION_FIELDS: readonly ConversationField[] = ['title', 'createdAt', 'updatedAt', 'settings', 'selection'];

/** v0, for the migration: see the header. */
export interface ConversationRecordV0 {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly settings: ConversationSettings;
  readonly messages: ReadonlyArray<DistributiveOmit<StoredMessage, 'parentId' | 'createdAt'>>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The record of an answer's request and stream (see src/record), in its own
 * store keyed like its message, so it is read only when opened and deleted
 * with its message or conversation.
 */
export interface StreamRecordEntry {
  readonly conversationId: string;
  readonly messageId: string;
  readonly record: StreamRecord;
}
