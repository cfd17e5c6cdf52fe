// Change notices between tabs. A tab posts the ids of the conversations it
// wrote after each write commits; the others re-read them from storage.
export interface SyncMessage {
  readonly tabId: string;
  readonly changed: readonly string[];
  readonly deleted: readonly string[];
}

export interface SyncChannel {
  post(message: SyncMessage): void;
  subscribe(listener: (message: SyncMessage) => void): () => void;
  close(): void;
}

const CHANNEL_NAME = 'claude-stream-chat:sync';

export function broadcastChannel(): SyncChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  return {
    post: (message) => channel.postMessage(message),
    subscribe(listener) {
      const handler = (event: MessageEvent<SyncMessage>) => listener(event.data);
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
    close: () => channel.close(),
  };
}

/** In-memory channels for tests: a message reaches every other channel of the hub, asynchronously, as BroadcastChannel does. */
export function createChannelHub(): () => SyncChannel {
  const listeners = new Set<{ owner: object; listener: (message: SyncMessage) => void }>();
  return () => {
    const owner = {};
    return {
      post(message) {
        for (const entry of listeners) if (entry.owner !== owner) queueMicrotask(() => entry.listener(message));
      },
      subscribe(listener) {
        const entry = { owner, listener };
        listeners.add(entry);
        return () => listeners.delete(entry);
      },
      close() {
        for (const entry of listeners) if (entry.owner === owner) listeners.delete(entry);
      },
    };
  };
}
