// Export and import as JSON: complete (every block, usage, timing, settings,
// the whole tree and which branch is shown, and each answer's stream record
// as the text of its .sse file). Pure. Messages are listed
// oldest first so the same conversation always exports the same text.
import { isRecord } from '../protocol';
import { decodeSseFile, encodeSseFile, type StreamRecord } from '../record';
import type { ChatMessage, ConversationMeta } from '../store';
import { migrateConversation } from './migrate';
import { SCHEMA_VERSION, type ConversationRecord, type MessageRecord, type StoredMessage } from './records';
import { toConversationRecord } from './repository';
import { toStoredMessage } from './serialize';

export const CONVERSATION_FORMAT = 'claude-stream-chat/conversation';
export const ARCHIVE_FORMAT = 'claude-stream-chat/archive';

export interface ConversationExport {
  readonly format: typeof CONVERSATION_FORMAT;
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly conversation: ConversationRecord;
  readonly messages: readonly StoredMessage[];
  /** Each answer's stream record, by message id, as an .sse file's text (see src/record/sse-file.ts). */
  readonly records?: Readonly<Record<string, string>>;
}

export interface ArchiveExport {
  readonly format: typeof ARCHIVE_FORMAT;
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly conversations: readonly ConversationExport[];
}

export interface ImportedConversation {
  readonly conversation: ConversationRecord;
  readonly messages: readonly MessageRecord[];
  readonly records: ReadonlyArray<{ readonly messageId: string; readonly record: StreamRecord }>;
}

export type ImportResult = { readonly ok: true; readonly conversations: readonly ImportedConversation[] } | { readonly ok: false; readonly error: string };

export function exportConversation(meta: ConversationMeta, messages: readonly ChatMessage[], records: ReadonlyMap<string, StreamRecord> = new Map()): ConversationExport {
  const ordered = [...messages].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const files = Object.fromEntries(ordered.flatMap((m) => (records.has(m.id) ? [[m.id, encodeSseFile(records.get(m.id) as StreamRecord)]] : [])));
  return {
    format: CONVERSATION_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    conversation: toConversationRecord(meta),
    messages: ordered.map(toStoredMessage),
    ...(Object.keys(files).length > 0 ? { records: files } : {}),
  };
}

export function exportArchive(conversations: readonly ConversationExport[]): ArchiveExport {
  return { format: ARCHIVE_FORMAT, schemaVersion: SCHEMA_VERSION, conversations };
}

/** Reads a conversation or an archive export; anything else is refused with a reason. */
export function parseImport(data: unknown): ImportResult {
  if (!isRecord(data)) return { ok: false, error: 'The file is not a conversation export.' };
  if (typeof data.schemaVersion === 'number' && data.schemaVersion > SCHEMA_VERSION) return { ok: false, error: 'The file was written by a newer version of the app.' };
  const items = data.format === ARCHIVE_FORMAT && Array.isArray(data.conversations) ? data.conversations : data.format === CONVERSATION_FORMAT ? [data] : null;
  if (items === null) return { ok: false, error: 'The file is not a conversation export.' };
  const conversations: ImportedConversation[] = [];
  for (const item of items) {
    const parsed = readConversation(item);
    if (parsed === null) return { ok: false, error: 'A conversation in the file is damaged; nothing was imported.' };
    conversations.push(parsed);
  }
  return { ok: true, conversations };
}

function readConversation(item: unknown): ImportedConversation | null {
  if (!isRecord(item) || !Array.isArray(item.messages)) return null;
  const migrated = migrateConversation(item.conversation);
  if (migrated === null) return null;
  const id = migrated.conversation.id;
  const messages: MessageRecord[] = [];
  for (const message of item.messages) {
    if (!isStoredMessage(message)) return null;
    messages.push({ schemaVersion: SCHEMA_VERSION, conversationId: id, id: message.id, message });
  }
  // A record that cannot be read is left out: the answer is imported without it.
  const files = isRecord(item.records) ? Object.entries(item.records) : [];
  const records = files.flatMap(([messageId, file]) => (typeof file === 'string' && messages.some((m) => m.id === messageId) ? [{ messageId, record: decodeSseFile(file).record }] : []));
  return { conversation: migrated.conversation, messages, records };
}

function isStoredMessage(value: unknown): value is StoredMessage {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.createdAt !== 'number') return false;
  if (value.parentId !== null && typeof value.parentId !== 'string') return false;
  switch (value.role) {
    case 'user':
    case 'notice':
      return typeof value.text === 'string';
    case 'assistant':
      return isRecord(value.stream) && Array.isArray(value.stream.blocks);
    case 'tool_results':
      return Array.isArray(value.results);
    default:
      return false;
  }
}

/** The same conversation under another id (importing next to the original). */
export function withConversationId(imported: ImportedConversation, id: string): ImportedConversation {
  return { ...imported, conversation: { ...imported.conversation, id }, messages: imported.messages.map((m) => ({ ...m, conversationId: id })) };
}
