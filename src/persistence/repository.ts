// Typed reads and writes over the raw port: records are migrated and checked
// on the way in, and converted to and from the store's messages.
import type { StreamRecord } from '../record';
import type { ChatMessage, ConversationMeta } from '../store';
import { migrateConversation, readMessageRecord } from './migrate';
import type { RawDb, WriteOp } from './raw-db';
import { SCHEMA_VERSION, type ConversationRecord, type MessageRecord } from './records';
import { fromStoredMessage, toStoredMessage } from './serialize';

export interface Repository {
  /** Every readable conversation; v0 records are migrated and written back in the current shape. */
  loadConversations(): Promise<ConversationRecord[]>;
  conversation(id: string): Promise<ConversationRecord | null>;
  loadMessages(conversationId: string): Promise<ChatMessage[]>;
  allMessageRecords(): Promise<MessageRecord[]>;
  /** The stream record of an answer; null when none was kept (or it cannot be read). */
  loadRecord(conversationId: string, messageId: string): Promise<StreamRecord | null>;
  write(ops: readonly WriteOp[]): Promise<void>;
}

export function createRepository(raw: RawDb): Repository {
  // Migrated conversations whose write-back failed (storage full): read from here.
  const pendingMigrated = new Map<string, readonly MessageRecord[]>();
  return {
    async loadConversations() {
      const out: ConversationRecord[] = [];
      for (const record of await raw.conversations()) {
        const migrated = migrateConversation(record);
        if (migrated === null) continue;
        out.push(migrated.conversation);
        if (!migrated.migrated) continue;
        // One transaction: the old record is replaced only if every message was written.
        const ops: WriteOp[] = [...migrated.messages.map((r): WriteOp => ({ kind: 'put_message', record: r })), { kind: 'put_conversation', record: migrated.conversation }];
        try {
          await raw.write(ops);
        } catch {
          // Left as v0; it is migrated again next time. Its messages are readable from memory meanwhile.
          pendingMigrated.set(migrated.conversation.id, migrated.messages);
        }
      }
      return out;
    },
    async conversation(id) {
      return migrateConversation(await raw.conversation(id))?.conversation ?? null;
    },
    async loadMessages(conversationId) {
      const pending = pendingMigrated.get(conversationId);
      const records = pending ?? (await raw.messagesOf(conversationId)).flatMap((r) => readMessageRecord(r) ?? []);
      return records.filter((r) => r.conversationId === conversationId).map((r) => fromStoredMessage(r.message));
    },
    async allMessageRecords() {
      return (await raw.allMessages()).flatMap((r) => readMessageRecord(r) ?? []);
    },
    async loadRecord(conversationId, messageId) {
      return readStreamRecord(await raw.recordOf(conversationId, messageId));
    },
    write: (ops) => raw.write(ops),
  };
}

/** A stored stream record, checked: anything else (a damaged or foreign value) reads as none. */
function readStreamRecord(stored: unknown): StreamRecord | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const record: unknown = (stored as { record?: unknown }).record;
  if (typeof record !== 'object' || record === null) return null;
  const { body, times, version } = record as Partial<StreamRecord>;
  return typeof body === 'string' && times instanceof Float64Array && version === 1 ? (record as StreamRecord) : null;
}

export function toMessageRecord(conversationId: string, message: ChatMessage): MessageRecord {
  return { schemaVersion: SCHEMA_VERSION, conversationId, id: message.id, message: toStoredMessage(message) };
}

export function toConversationRecord(meta: ConversationMeta): ConversationRecord {
  return { schemaVersion: SCHEMA_VERSION, id: meta.id, title: meta.title, createdAt: meta.createdAt, updatedAt: meta.updatedAt, settings: meta.settings, selection: meta.selection };
}

export function toMeta(record: ConversationRecord): ConversationMeta {
  return { id: record.id, title: record.title, createdAt: record.createdAt, updatedAt: record.updatedAt, settings: record.settings, selection: record.selection };
}
