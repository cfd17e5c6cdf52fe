// The app's storage: IndexedDB when it opens, else memory (private modes,
// blocked storage) with a message saying nothing will be kept. Opening is
// asynchronous; reads and writes made before it settles wait for it, in
// order, so nothing said in the first moments is lost.
import { useChatStore, type ChatStore } from '../store';
import { connectPersistence, type Connection } from './connect';
import { openIdb } from './idb-db';
import { createMemoryDb } from './memory-db';
import type { RawDb } from './raw-db';
import { createRepository, type Repository } from './repository';
import { broadcastChannel } from './sync';

const OPEN_TIMEOUT_MS = 4000;

let connection: Connection | null = null;

/** Starts persistence for the app's store once; later calls return the same connection. */
export function startPersistence(store: ChatStore = useChatStore): Connection {
  if (connection !== null) return connection;
  let reportUnavailable: (detail: string) => void = () => undefined;
  const raw = openWithFallback((detail) => reportUnavailable(detail));
  connection = connectPersistence(store, lazyRepository(raw), { channel: broadcastChannel() });
  reportUnavailable = (detail) => store.setState({ storageProblem: { kind: 'unavailable', detail } });
  return connection;
}

export function currentConnection(): Connection | null {
  return connection;
}

async function openWithFallback(onUnavailable: (detail: string) => void): Promise<RawDb> {
  try {
    return await withTimeout(openIdb(), OPEN_TIMEOUT_MS);
  } catch (error) {
    onUnavailable(error instanceof Error || error instanceof DOMException ? error.message : String(error));
    return createMemoryDb();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the browser did not open storage in time')), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

function lazyRepository(raw: Promise<RawDb>): Repository {
  const repository = raw.then(createRepository);
  return {
    loadConversations: async () => (await repository).loadConversations(),
    conversation: async (id) => (await repository).conversation(id),
    loadMessages: async (id) => (await repository).loadMessages(id),
    allMessageRecords: async () => (await repository).allMessageRecords(),
    loadRecord: async (conversationId, messageId) => (await repository).loadRecord(conversationId, messageId),
    write: async (ops) => (await repository).write(ops),
  };
}
