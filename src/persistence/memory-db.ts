// RawDb in memory: the unit tests' fake (two stores can share one to play two
// tabs) and the fallback when IndexedDB cannot be opened. Values are cloned
// on the way in and out, as IndexedDB does.
import { patched, type RawDb, type WriteOp } from './raw-db';

export interface MemoryDb extends RawDb {
  /** Test hook: the next writes fail with this error (a full disk, say) until set back to null. */
  failWrites: (() => Error) | null;
  /** Test hook: put a record as an older app version wrote it. */
  seedConversation(raw: unknown): void;
  readonly writes: number;
}

const key = (conversationId: string, id: string) => `${conversationId}\u0000${id}`;

export function createMemoryDb(): MemoryDb {
  let conversations = new Map<string, unknown>();
  let messages = new Map<string, { conversationId: string; value: unknown }>();
  let records = new Map<string, { conversationId: string; value: unknown }>();
  let writes = 0;
  const db: MemoryDb = {
    failWrites: null,
    get writes() {
      return writes;
    },
    seedConversation(raw) {
      conversations.set(String((raw as { id: unknown }).id), structuredClone(raw));
    },
    conversations: async () => [...conversations.values()].map((v) => structuredClone(v)),
    conversation: async (id) => structuredClone(conversations.get(id)),
    messagesOf: async (conversationId) => [...messages.values()].filter((m) => m.conversationId === conversationId).map((m) => structuredClone(m.value)),
    allMessages: async () => [...messages.values()].map((m) => structuredClone(m.value)),
    recordOf: async (conversationId, messageId) => structuredClone(records.get(key(conversationId, messageId))?.value),
    async write(ops: readonly WriteOp[]) {
      if (db.failWrites !== null) throw db.failWrites();
      // Applied to copies and swapped in at the end: all or nothing, like a transaction.
      const next = { conversations: new Map(conversations), messages: new Map(messages), records: new Map(records) };
      for (const op of ops) apply(op, next);
      ({ conversations, messages, records } = next);
      writes += 1;
    },
  };
  return db;
}

type Keyed = Map<string, { conversationId: string; value: unknown }>;

function apply(op: WriteOp, { conversations, messages, records }: { conversations: Map<string, unknown>; messages: Keyed; records: Keyed }): void {
  switch (op.kind) {
    case 'put_message':
      messages.set(key(op.record.conversationId, op.record.id), { conversationId: op.record.conversationId, value: structuredClone(op.record) });
      return;
    case 'delete_message':
      messages.delete(key(op.conversationId, op.id));
      records.delete(key(op.conversationId, op.id));
      return;
    case 'put_record':
      records.set(key(op.entry.conversationId, op.entry.messageId), { conversationId: op.entry.conversationId, value: structuredClone(op.entry) });
      return;
    case 'patch_conversation':
      conversations.set(op.record.id, structuredClone(patched(conversations.get(op.record.id), op)));
      return;
    case 'put_conversation':
      conversations.set(op.record.id, structuredClone(op.record));
      return;
    case 'delete_conversation':
      conversations.delete(op.id);
      for (const store of [messages, records]) for (const [k, m] of store) if (m.conversationId === op.id) store.delete(k);
      return;
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}
