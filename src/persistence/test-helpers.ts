// Shared by the persistence tests: a store connected to a fake database, and
// a way to let queued writes and channel messages settle.
import { appendMessage, createChatStore, place, type ChatStore, type UserMessage } from '../store';
import { connectPersistence, type Connection } from './connect';
import type { MemoryDb } from './memory-db';
import type { WriteOp } from './raw-db';
import { createRepository } from './repository';
import type { SyncChannel } from './sync';

export interface Tab {
  readonly store: ChatStore;
  readonly connection: Connection;
  /** Every op this tab wrote. */
  readonly written: WriteOp[];
}

export async function openTab(db: MemoryDb, tabId: string, channel: SyncChannel | null = null): Promise<Tab> {
  const store = createChatStore([]);
  const written: WriteOp[] = [];
  const spy: MemoryDb = Object.assign(Object.create(db) as MemoryDb, {
    write: (ops: readonly WriteOp[]) => {
      written.push(...ops);
      return db.write(ops);
    },
  });
  const connection = connectPersistence(store, createRepository(spy), { channel, tabId });
  await connection.ready;
  return { store, connection, written };
}

export function say(store: ChatStore, id: string, text = id, at = Date.now()): void {
  store.setState((s) => appendMessage(s, place<UserMessage>(s, { id, role: 'user', text }, at)));
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
