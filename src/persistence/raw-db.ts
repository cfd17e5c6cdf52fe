// The storage port: the few operations the app needs, each write a single
// transaction (all of its records or none, so a failed write never leaves a
// half-saved change). Implemented over IndexedDB in the browser and in
// memory for tests and when the browser has no storage.
import type { ConversationField, ConversationRecord, MessageRecord, StreamRecordEntry } from './records';

export type WriteOp =
  | { readonly kind: 'put_message'; readonly record: MessageRecord }
  /** The message and its stream record. */
  | { readonly kind: 'delete_message'; readonly conversationId: string; readonly id: string }
  | { readonly kind: 'put_record'; readonly entry: StreamRecordEntry }
  /** Writes only `fields` over the stored record (inserts `record` when there is none). */
  | { readonly kind: 'patch_conversation'; readonly record: ConversationRecord; readonly fields: readonly ConversationField[] }
  | { readonly kind: 'put_conversation'; readonly record: ConversationRecord }
  /** The conversation and all of its messages and stream records. */
  | { readonly kind: 'delete_conversation'; readonly id: string };

export interface RawDb {
  /** Every conversation record as stored (any schema version). */
  conversations(): Promise<unknown[]>;
  conversation(id: string): Promise<unknown>;
  messagesOf(conversationId: string): Promise<unknown[]>;
  allMessages(): Promise<unknown[]>;
  /** The stored stream record of a message (undefined when there is none). */
  recordOf(conversationId: string, messageId: string): Promise<unknown>;
  write(ops: readonly WriteOp[]): Promise<void>;
}

export function patched(existing: unknown, op: Extract<WriteOp, { kind: 'patch_conversation' }>): ConversationRecord {
  if (typeof existing !== 'object' || existing === null) return op.record;
  const fields: Partial<Record<string, unknown>> = {};
  for (const field of op.fields) fields[field] = op.record[field];
  return { ...(existing as ConversationRecord), ...fields };
}
