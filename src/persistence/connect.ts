// Binds a store to storage: loads at start, writes what local changes
// produce (see write-rule.ts), saves the streaming answer throttled, and
// follows other tabs' change notices. Store changes that come from storage
// are applied "quietly" and never written back.
import type { StreamRecord } from '../record';
import { dropStreamLog, newId, openConversation, startConversation, visiblePath, type ChatMessage, type ChatState, type ChatStore, type ConversationMeta, type MessageMap, type StorageProblem } from '../store';
import { createPartialSaver, type Timers } from './partial-saver';
import type { WriteOp } from './raw-db';
import { toConversationRecord, toMessageRecord, toMeta, type Repository } from './repository';
import type { SyncChannel, SyncMessage } from './sync';
import { planWrites } from './write-rule';

export interface Connection {
  /** Settles once the saved conversations are loaded (or loading failed). */
  readonly ready: Promise<void>;
  readonly repository: Repository;
  open(id: string): Promise<void>;
  newChat(): void;
  /** Messages of any conversation: from the store for the active one, else from storage. */
  messagesOf(id: string): Promise<readonly ChatMessage[]>;
  /** The stream record of an answer in any conversation (null when none was kept). */
  loadRecord(conversationId: string, messageId: string): Promise<StreamRecord | null>;
  /** Writes imported conversations in one transaction, then lists them. */
  addConversations(items: ReadonlyArray<ImportedItem>): Promise<void>;
  dispose(): void;
}

/** A conversation to add: its messages and the stream records of its answers. */
export interface ImportedItem {
  readonly meta: ConversationMeta;
  readonly messages: readonly ChatMessage[];
  readonly records?: ReadonlyArray<{ readonly messageId: string; readonly record: StreamRecord }>;
}

export interface ConnectOptions {
  readonly channel?: SyncChannel | null;
  readonly tabId?: string;
  readonly partialIntervalMs?: number;
  readonly timers?: Timers;
  /** A problem known before connecting (storage could not be opened). */
  readonly problem?: StorageProblem | null;
}

export function describeError(error: unknown): StorageProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const detail = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  return name === 'QuotaExceededError' ? { kind: 'full', detail } : { kind: 'write_failed', detail };
}

const isEmpty = (state: ChatState) => Object.keys(state.messages).length === 0 && state.streaming === null && !state.turnActive;

export function connectPersistence(store: ChatStore, repository: Repository, options: ConnectOptions = {}): Connection {
  const channel = options.channel ?? null;
  const tabId = options.tabId ?? newId('tab');
  let quiet = 0;
  const quietly = (change: (s: ChatState) => Partial<ChatState>) => {
    quiet += 1;
    try {
      store.setState(change);
    } finally {
      quiet -= 1;
    }
  };
  // Messages whose write failed, per conversation: reopening it shows them from memory.
  const unsaved = new Map<string, MessageMap>();
  // Conversations another tab deleted: nothing this tab still has of them (a turn ending) is written back.
  const deletedElsewhere = new Set<string>();
  if (options.problem) {
    const problem = options.problem;
    quietly(() => ({ storageProblem: problem }));
  }

  /** Settles true once written; a failure is reported in the store (storage full, say) and settles false. */
  const write = (all: readonly WriteOp[], notice: Omit<SyncMessage, 'tabId'> | null, conversationId: string): Promise<boolean> => {
    const ops = all.filter((op) => !deletedElsewhere.has(conversationOf(op)));
    if (ops.length === 0) return Promise.resolve(true);
    return repository.write(ops).then(
      () => {
        if (notice !== null) channel?.post({ tabId, ...notice });
        return true;
      },
      (error: unknown) => {
        const state = store.getState();
        if (conversationId === state.activeId) unsaved.set(conversationId, state.messages);
        quietly(() => ({ storageProblem: describeError(error) }));
        return false;
      },
    );
  };

  /**
   * An answer's stream record is stored once the stream has ended, then let go
   * where the stream ran; opened later, it is read from storage. If storage
   * refuses it, it stays in memory (the inspector still works this session).
   */
  const saveRecord = async (conversationId: string, messageId: string) => {
    const log = store.getState().streamLogs[messageId];
    const record = await log?.readFinal();
    if (log === undefined || record === null || record === undefined) return;
    const saved = await write([{ kind: 'put_record', entry: { conversationId, messageId, record } }], null, conversationId);
    if (saved) quietly((state) => (state.streamLogs[messageId] === log ? dropStreamLog(state, messageId) : {}));
  };

  const partial = createPartialSaver((conversationId, message) => void write([{ kind: 'put_message', record: toMessageRecord(conversationId, message) }], null, conversationId), options.partialIntervalMs, options.timers);

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.streaming !== prev.streaming) {
      if (state.streaming === null) {
        partial.stop();
        if (prev.streaming !== null && quiet === 0) void saveRecord(state.activeId, prev.streaming.id);
      } else if (quiet === 0) partial.update(state.activeId, state.streaming);
    }
    if (quiet > 0) return;
    const plan = planWrites(state, prev);
    write(plan.ops, { changed: plan.changed, deleted: plan.deleted }, state.activeId);
  });

  const loadMessages = async (id: string): Promise<MessageMap> => {
    const loaded = await repository.loadMessages(id).catch(() => []);
    return { ...Object.fromEntries(loaded.map((m) => [m.id, m])), ...unsaved.get(id) };
  };

  /** Switches quietly; the chat left behind is forgotten if nothing was said in it. */
  const switchTo = (change: (s: ChatState) => Partial<ChatState>) =>
    quietly((s) => {
      const next = change(s);
      const conversations = { ...(next.conversations ?? s.conversations) };
      if (isEmpty(s) && next.activeId !== s.activeId) delete conversations[s.activeId];
      return { ...next, conversations };
    });

  const onNotice = async (message: SyncMessage) => {
    if (message.tabId === tabId) return;
    for (const id of message.changed) deletedElsewhere.delete(id);
    for (const id of message.deleted) {
      deletedElsewhere.add(id);
      const s = store.getState();
      // Deleted while this tab streams its answer: stopped (upstream too), and nothing of it comes back.
      if (id === s.activeId && s.turn !== null) {
        s.turn.stop();
        await s.turn.done;
      }
      if (id === store.getState().activeId) switchTo((state) => startConversation(state, newId('conv'), Date.now()));
      quietly((state) => {
        if (id === state.activeId) return {};
        const { [id]: _gone, ...conversations } = state.conversations;
        return { conversations };
      });
    }
    for (const id of message.changed) {
      const record = await repository.conversation(id).catch(() => null);
      if (record === null) continue;
      const meta = toMeta(record);
      const s = store.getState();
      if (id !== s.activeId) {
        quietly((state) => ({ conversations: { ...state.conversations, [id]: meta } }));
        continue;
      }
      // The active conversation is refreshed only while this tab is not in a turn of its own.
      if (s.turnActive || s.streaming !== null) continue;
      const messages = await loadMessages(id);
      quietly((state) => (state.turnActive || state.activeId !== id ? {} : { conversations: { ...state.conversations, [id]: meta }, settings: meta.settings, messages, messageIds: visiblePath(messages, meta.selection) }));
    }
  };
  const unlisten = channel?.subscribe((message) => void onNotice(message)) ?? (() => undefined);

  const ready = (async () => {
    const metas = (await repository.loadConversations()).map(toMeta);
    const listed = Object.fromEntries(metas.map((m) => [m.id, m]));
    const latest = metas.reduce<ConversationMeta | null>((best, m) => (best === null || m.updatedAt > best.updatedAt ? m : best), null);
    // Reopen the conversation used last, unless the user already started talking in the new one.
    if (latest !== null && isEmpty(store.getState())) {
      const messages = await loadMessages(latest.id);
      if (isEmpty(store.getState())) {
        switchTo((s) => ({ ...openConversation(s, latest, messages), conversations: { ...s.conversations, ...listed } }));
        return;
      }
    }
    quietly((s) => ({ conversations: { ...listed, ...s.conversations } }));
  })().catch((error: unknown) => quietly(() => ({ storageProblem: describeError(error) })));

  return {
    ready,
    repository,
    async open(id) {
      const meta = store.getState().conversations[id];
      if (meta === undefined || id === store.getState().activeId) return;
      const messages = await loadMessages(id);
      switchTo((s) => openConversation(s, s.conversations[id] ?? meta, messages));
    },
    newChat() {
      if (isEmpty(store.getState())) return;
      switchTo((s) => startConversation(s, newId('conv'), Date.now()));
    },
    async messagesOf(id) {
      const state = store.getState();
      if (id === state.activeId) return Object.values(state.messages);
      return Object.values(await loadMessages(id));
    },
    async loadRecord(conversationId, messageId) {
      // Not yet stored (or storage refused it): the record is still where the stream ran.
      const state = store.getState();
      const live = conversationId === state.activeId ? state.streamLogs[messageId] : undefined;
      if (live !== undefined) return live.read();
      return repository.loadRecord(conversationId, messageId).catch(() => null);
    },
    async addConversations(items) {
      const ops = items.flatMap((item): WriteOp[] => [
        { kind: 'put_conversation', record: toConversationRecord(item.meta) },
        ...item.messages.map((m): WriteOp => ({ kind: 'put_message', record: toMessageRecord(item.meta.id, m) })),
        ...(item.records ?? []).map(({ messageId, record }): WriteOp => ({ kind: 'put_record', entry: { conversationId: item.meta.id, messageId, record } })),
      ]);
      try {
        await repository.write(ops);
        channel?.post({ tabId, changed: items.map((i) => i.meta.id), deleted: [] });
      } catch (error) {
        for (const item of items) unsaved.set(item.meta.id, Object.fromEntries(item.messages.map((m) => [m.id, m])));
        quietly(() => ({ storageProblem: describeError(error) }));
      }
      quietly((s) => ({ conversations: { ...s.conversations, ...Object.fromEntries(items.map((i) => [i.meta.id, i.meta])) } }));
    },
    dispose() {
      unsubscribe();
      unlisten();
      partial.stop();
    },
  };
}

/** The conversation a write belongs to. */
function conversationOf(op: WriteOp): string {
  switch (op.kind) {
    case 'put_message':
      return op.record.conversationId;
    case 'delete_message':
      return op.conversationId;
    case 'put_record':
      return op.entry.conversationId;
    case 'patch_conversation':
    case 'put_conversation':
      return op.record.id;
    case 'delete_conversation':
      return op.id;
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}
