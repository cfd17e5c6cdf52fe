// Search, export and import over a connection: the operations the history
// sidebar offers.
import type { StreamRecord } from '../record';
import { metaOf, newId, type ChatStore } from '../store';
import type { Connection } from './connect';
import { toMeta } from './repository';
import { fromStoredMessage, messageText } from './serialize';
import { exportArchive, exportConversation, parseImport, withConversationId, type ArchiveExport, type ConversationExport } from './transfer';

/** Ids of conversations whose title or any message (every branch) contains the query, case-insensitively. */
export async function searchConversations(store: ChatStore, connection: Connection, query: string): Promise<ReadonlySet<string>> {
  const needle = query.trim().toLowerCase();
  const state = store.getState();
  const hits = new Set<string>();
  for (const meta of Object.values(state.conversations)) if (meta.title.toLowerCase().includes(needle)) hits.add(meta.id);
  if (Object.values(state.messages).some((m) => messageText(m).toLowerCase().includes(needle))) hits.add(state.activeId);
  const records = await connection.repository.allMessageRecords().catch(() => []);
  for (const record of records) {
    if (hits.has(record.conversationId) || record.conversationId === state.activeId) continue;
    if (messageText(record.message).toLowerCase().includes(needle)) hits.add(record.conversationId);
  }
  return hits;
}

export async function exportOne(store: ChatStore, connection: Connection, id: string): Promise<ConversationExport | null> {
  const meta = metaOf(store.getState(), id);
  if (meta === undefined) return null;
  const messages = await connection.messagesOf(id);
  const records = new Map<string, StreamRecord>();
  for (const message of messages) {
    if (message.role !== 'assistant') continue;
    const record = await connection.loadRecord(id, message.id);
    if (record !== null) records.set(message.id, record);
  }
  return exportConversation(meta, messages, records);
}

export async function exportAll(store: ChatStore, connection: Connection): Promise<ArchiveExport> {
  const metas = Object.values(store.getState().conversations).sort((a, b) => b.updatedAt - a.updatedAt);
  const items: ConversationExport[] = [];
  for (const meta of metas) {
    const one = await exportOne(store, connection, meta.id);
    if (one !== null && one.messages.length > 0) items.push(one);
  }
  return exportArchive(items);
}

/** Imports a conversation or archive export; a conversation whose id is taken comes in under a new one. Returns how many, or the reason for refusing. */
export async function importJson(store: ChatStore, connection: Connection, data: unknown): Promise<{ readonly imported: number } | { readonly error: string }> {
  const parsed = parseImport(data);
  if (!parsed.ok) return { error: parsed.error };
  const taken = new Set(Object.keys(store.getState().conversations));
  const items = parsed.conversations.map((item) => {
    const placed = taken.has(item.conversation.id) ? withConversationId(item, newId('conv')) : item;
    taken.add(placed.conversation.id);
    return { meta: toMeta(placed.conversation), messages: placed.messages.map((r) => fromStoredMessage(r.message)), records: placed.records };
  });
  await connection.addConversations(items);
  return { imported: items.length };
}
