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
    async write(ops: readonly WriteOp[]) {
      if (db.failWrites !== null) throw db.failWrites();
      // Applied to copies and swapped in at the end: all or nothing, like a transaction.
      const nextConversations = new Map(conversations);
      const nextMessages = new Map(messages);
      for (const op of ops) apply(op, nextConversations, nextMessages);
      conversations = nextConversations;
      messages = nextMessages;
      writes += 1;
    },
  };
  return db;
}

function apply(op: WriteOp, conversations: Map<string, unknown>, messages: Map<string, { conversationId: string; value: unknown }>): void {
  switch (op.kind) {
    case 'put_message':
      messages.set(key(op.record.conversationId, op.record.id), { conversationId: op.record.conversationId, value: structuredClone(op.record) });
      return;
    case 'delete_message':
      messages.delete(key(op.conversationId, op.id));
      return;
    case 'patch_conversation':
      conversations.set(op.record.id, structuredClone(patched(conversations.get(op.record.id), op)));
      return;
    case 'put_conversation':
      conversations.set(op.record.id, structuredClone(op.record));
      return;
    case 'delete_conversation':
      conversations.delete(op.id);
      for (const [k, m] of messages) if (m.conversationId === op.id) messages.delete(k);
      return;
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}
