// RawDb over IndexedDB (through `idb`). Database version 1 held v0 records
// (conversations with inline messages); version 2 adds the messages store,
// version 3 the stream records store.
// Old records are migrated when read (see migrate.ts), not in the upgrade,
// so a failed migration leaves them as they were.
import { openDB, type IDBPDatabase } from 'idb';
import { patched, type RawDb, type WriteOp } from './raw-db';

const DB_NAME = 'claude-stream-chat';
const DB_VERSION = 3;
const CONVERSATIONS = 'conversations';
const MESSAGES = 'messages';
const RECORDS = 'records';

/** Every message key of a conversation: [id, <any string>] sorts below [id, []]. */
const ofConversation = (id: string) => IDBKeyRange.bound([id], [id, []]);

export async function openIdb(): Promise<RawDb> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available in this browser');
  const db = await openDB(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) database.createObjectStore(CONVERSATIONS, { keyPath: 'id' });
      if (oldVersion < 2) database.createObjectStore(MESSAGES, { keyPath: ['conversationId', 'id'] });
      if (oldVersion < 3) database.createObjectStore(RECORDS, { keyPath: ['conversationId', 'messageId'] });
    },
    // Another tab wants a newer version: let it upgrade (this tab keeps its memory state).
    blocking() {
      db.close();
    },
  });
  return idbRaw(db);
}

function idbRaw(db: IDBPDatabase): RawDb {
  return {
    conversations: () => db.getAll(CONVERSATIONS),
    conversation: (id) => db.get(CONVERSATIONS, id),
    messagesOf: (conversationId) => db.getAll(MESSAGES, ofConversation(conversationId)),
    allMessages: () => db.getAll(MESSAGES),
    recordOf: (conversationId, messageId) => db.get(RECORDS, [conversationId, messageId]),
    async write(ops: readonly WriteOp[]) {
      // Relaxed durability: no disk flush per commit. A partial answer is saved every second while
      // streaming; a flush each time competed with rendering the stream (and the next save follows soon).
      const tx = db.transaction([CONVERSATIONS, MESSAGES, RECORDS], 'readwrite', { durability: 'relaxed' });
      const conversations = tx.objectStore(CONVERSATIONS);
      const messages = tx.objectStore(MESSAGES);
      const records = tx.objectStore(RECORDS);
      try {
        for (const op of ops) {
          switch (op.kind) {
            case 'put_message':
              await messages.put(op.record);
              break;
            case 'delete_message':
              await messages.delete([op.conversationId, op.id]);
              await records.delete([op.conversationId, op.id]);
              break;
            case 'put_record':
              await records.put(op.entry);
              break;
            case 'patch_conversation':
              await conversations.put(patched(await conversations.get(op.record.id), op));
              break;
            case 'put_conversation':
              await conversations.put(op.record);
              break;
            case 'delete_conversation':
              await conversations.delete(op.id);
              await messages.delete(ofConversation(op.id));
              await records.delete(ofConversation(op.id));
              break;
            default: {
              const unreachable: never = op;
              return unreachable;
            }
          }
        }
      } catch (error) {
        // A request that throws (quota, say) aborts the whole transaction: nothing of it is applied.
        try {
          tx.abort();
        } catch {
          // Already aborted by the failed request.
        }
        await tx.done.catch(() => undefined);
        throw error;
      }
      await tx.done;
    },
  };
}
