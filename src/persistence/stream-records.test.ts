import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sendMessage, stopStreaming } from '../chat';
import { dropConversation, resetChatStore, useChatStore } from '../store';
import type { Connection } from './connect';
import { fakeFetch, installBrowserShims } from '../transport/node-shims';
import { connectPersistence } from './connect';
import { createMemoryDb } from './memory-db';
import { exportOne, importJson } from './library';
import { createRepository } from './repository';
import { createChannelHub } from './sync';
import { openTab, say, settle } from './test-helpers';

const BASIC = readFileSync(new URL('../../fixtures/anthropic-sse/sdk-ts-basic-text.sse', import.meta.url), 'utf8');

beforeAll(() => {
  installBrowserShims();
});
const connections: Connection[] = [];
beforeEach(() => resetChatStore());
afterEach(() => {
  for (const connection of connections.splice(0)) connection.dispose();
});

async function connected() {
  const db = createMemoryDb();
  const connection = connectPersistence(useChatStore, createRepository(db), { tabId: 'A' });
  connections.push(connection);
  await connection.ready;
  return { db, connection };
}

const answerId = () => {
  const s = useChatStore.getState();
  const id = s.messageIds.findLast((m) => s.messages[m]?.role === 'assistant');
  if (id === undefined) throw new Error('no answer');
  return id;
};

describe('stream records in storage', () => {
  it('are stored when an answer ends, then let go in memory; read back from storage', async () => {
    const { connection } = await connected();
    await sendMessage('hello', { fetch: fakeFetch(() => ({ chunks: [BASIC] })) });
    const id = answerId();
    const conversation = useChatStore.getState().activeId;
    await vi.waitFor(() => expect(useChatStore.getState().streamLogs[id]).toBeUndefined());
    const record = await connection.loadRecord(conversation, id);
    expect(record?.body).toBe(BASIC);
    expect(record?.end).toEqual({ kind: 'eof' });
    expect(record?.request?.body).toMatchObject({ messages: [{ role: 'user' }] });
  });

  it('keep a stopped answer whole: the record ends where Stop ended it', async () => {
    const { connection } = await connected();
    const head = `${BASIC.split('event: content_block_stop')[0] ?? ''}`;
    const done = sendMessage('hello', { fetch: fakeFetch(() => ({ chunks: [head], hang: true })) });
    await vi.waitFor(() => expect(useChatStore.getState().streaming?.stream.blocks.length).toBe(1));
    stopStreaming();
    await done;
    const id = answerId();
    await vi.waitFor(() => expect(useChatStore.getState().streamLogs[id]).toBeUndefined());
    const record = await connection.loadRecord(useChatStore.getState().activeId, id);
    expect(record?.body).toBe(head);
    expect(record?.end).toEqual({ kind: 'aborted' });
  });

  it('travel with a JSON export: an imported conversation can be inspected', async () => {
    const { connection } = await connected();
    await sendMessage('hello', { fetch: fakeFetch(() => ({ chunks: [BASIC] })) });
    const id = answerId();
    const conversation = useChatStore.getState().activeId;
    await vi.waitFor(() => expect(useChatStore.getState().streamLogs[id]).toBeUndefined());
    const original = await connection.loadRecord(conversation, id);
    const exported = JSON.parse(JSON.stringify(await exportOne(useChatStore, connection, conversation))) as unknown;
    expect(await importJson(useChatStore, connection, exported)).toEqual({ imported: 1 });
    const copy = Object.keys(useChatStore.getState().conversations).find((c) => c !== conversation) ?? '';
    expect(await connection.loadRecord(copy, id)).toEqual(original);
  });

  it('go with their conversation', async () => {
    const { db, connection } = await connected();
    await sendMessage('hello', { fetch: fakeFetch(() => ({ chunks: [BASIC] })) });
    const id = answerId();
    const conversation = useChatStore.getState().activeId;
    await vi.waitFor(async () => expect(await db.recordOf(conversation, id)).toBeDefined());
    connection.newChat();
    useChatStore.setState((s) => dropConversation(s, conversation));
    await vi.waitFor(async () => expect(await db.recordOf(conversation, id)).toBeUndefined());
    expect(await connection.loadRecord(conversation, id)).toBeNull();
  });

  it('stay in memory when storage is full, which is reported as for any write', async () => {
    const { db, connection } = await connected();
    db.failWrites = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    await sendMessage('hello', { fetch: fakeFetch(() => ({ chunks: [BASIC] })) });
    const id = answerId();
    await vi.waitFor(() => expect(useChatStore.getState().storageProblem?.kind).toBe('full'));
    const conversation = useChatStore.getState().activeId;
    expect(useChatStore.getState().streamLogs[id]).toBeDefined();
    expect((await connection.loadRecord(conversation, id))?.body).toBe(BASIC);
    expect(await db.recordOf(conversation, id)).toBeUndefined();
  });
});

describe('a conversation deleted in another tab during a turn', () => {
  it('stays deleted: the answer is stopped and nothing of it is written back', async () => {
    const db = createMemoryDb();
    const hub = createChannelHub();
    const a = connectPersistence(useChatStore, createRepository(db), { tabId: 'A', channel: hub() });
    connections.push(a);
    await a.ready;
    const head = `${BASIC.split('event: content_block_stop')[0] ?? ''}`;
    const turn = sendMessage('hello', { fetch: fakeFetch(() => ({ chunks: [head], hang: true })) });
    await vi.waitFor(() => expect(useChatStore.getState().streaming?.stream.blocks.length).toBe(1));
    const conversation = useChatStore.getState().activeId;
    await settle();

    const b = await openTab(db, 'B', hub());
    expect(b.store.getState().activeId).toBe(conversation);
    b.connection.newChat();
    say(b.store, 'elsewhere');
    b.store.setState((s) => dropConversation(s, conversation));
    await turn;
    await settle();
    expect(useChatStore.getState().activeId).not.toBe(conversation);
    expect(await db.conversation(conversation)).toBeUndefined();
    expect(await db.messagesOf(conversation)).toEqual([]);
    expect(await db.recordOf(conversation, answerIdIn(await db.allMessages()) ?? 'none')).toBeUndefined();
  });
});

function answerIdIn(records: unknown[]): string | undefined {
  return records.flatMap((r) => ((r as { message?: { role?: string; id?: string } }).message?.role === 'assistant' ? [(r as { id: string }).id] : []))[0];
}
