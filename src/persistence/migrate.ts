// Records from any schema version -> v1. Pure. Records this version cannot
// read (damaged, or from a newer app) are skipped, never rewritten.
import { isRecord } from '../protocol';
import { defaultSettings, type ConversationSettings } from '../settings';
import { SCHEMA_VERSION, type ConversationRecord, type ConversationRecordV0, type MessageRecord, type StoredMessage } from './records';

export interface MigratedConversation {
  readonly conversation: ConversationRecord;
  /** Messages that were inside a v0 record; empty for v1. */
  readonly messages: readonly MessageRecord[];
  /** True when the record must be written back in the current shape. */
  readonly migrated: boolean;
}

/** Settings fields added since the record was written get their defaults. */
function withDefaults(settings: unknown): ConversationSettings {
  return { ...defaultSettings(), ...(isRecord(settings) ? (settings as Partial<ConversationSettings>) : {}) };
}

function hasConversationFields(raw: Record<string, unknown>): boolean {
  return typeof raw.id === 'string' && typeof raw.createdAt === 'number' && typeof raw.updatedAt === 'number';
}

export function migrateConversation(raw: unknown): MigratedConversation | null {
  if (!isRecord(raw) || !hasConversationFields(raw)) return null;
  const version = raw.schemaVersion ?? 0;
  if (version === SCHEMA_VERSION) {
    const record = raw as unknown as ConversationRecord;
    return { conversation: { ...record, title: typeof record.title === 'string' ? record.title : '', settings: withDefaults(record.settings), selection: isRecord(record.selection) ? record.selection : {} }, messages: [], migrated: false };
  }
  if (version === 0 && Array.isArray(raw.messages)) return fromV0(raw as unknown as ConversationRecordV0);
  return null;
}

/** v0: a linear list becomes a chain, each message the child of the one before. */
function fromV0(old: ConversationRecordV0): MigratedConversation {
  let parentId: string | null = null;
  const messages = old.messages.map((message, index): MessageRecord => {
    const stored = { ...message, parentId, createdAt: old.createdAt + index } as StoredMessage;
    parentId = message.id;
    return { schemaVersion: SCHEMA_VERSION, conversationId: old.id, id: message.id, message: stored };
  });
  const conversation: ConversationRecord = {
    schemaVersion: SCHEMA_VERSION,
    id: old.id,
    title: typeof old.title === 'string' ? old.title : '',
    createdAt: old.createdAt,
    updatedAt: old.updatedAt,
    settings: withDefaults(old.settings),
    selection: {},
  };
  return { conversation, messages, migrated: true };
}

export function readMessageRecord(raw: unknown): MessageRecord | null {
  if (!isRecord(raw) || raw.schemaVersion !== SCHEMA_VERSION || typeof raw.conversationId !== 'string' || typeof raw.id !== 'string') return null;
  const message = raw.message;
  if (!isRecord(message) || typeof message.role !== 'string' || message.id !== raw.id) return null;
  return raw as unknown as MessageRecord;
}
