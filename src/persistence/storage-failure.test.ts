import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendMessage, stopStreaming } from '../chat';
import { resetChatStore, useChatStore } from '../store';
import { fakeFetch, installBrowserShims } from '../transport/node-shims';
import { connectPersistence } from './connect';
import { createMemoryDb } from './memory-db';
import { readMessageRecord } from './migrate';
import { createRepository } from './repository';
import { openTab, say, settle } from './test-helpers';

const BASIC = readFileSync(new URL('../../fixtures/anthropic-sse/sdk-ts-basic-text.sse', import.meta.url), 'utf8');

beforeAll(() => {
  installBrowserShims();
});

describe('storage full', () => {
  it('reports the problem, keeps working in memory, and leaves saved records intact', async () => {
    const db = createMemoryDb();
    const tab = await openTab(db, 'A');
    say(tab.store, 'saved', 'saved before');
    await settle();
    const conversation = tab.store.getState().activeId;
    const before = await db.messagesOf(conversation);

    db.failWrites = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    say(tab.store, 'unsaved', 'after the disk filled');
    await settle();
    expect(tab.store.getState().storageProblem?.kind).toBe('full');
    expect(tab.store.getState().messageIds).toEqual(['saved', 'unsaved']);
    expect(await db.messagesOf(conversation)).toEqual(before);

    // Leaving and coming back still shows what could not be saved.
    tab.connection.newChat();
    say(tab.store, 'elsewhere');
    await settle();
    await tab.connection.open(conversation);
    expect(tab.store.getState().messageIds).toEqual(['saved', 'unsaved']);
  });
});

describe('the streaming answer', () => {
  it('is saved at a block end while streaming, and comes back interrupted after a reload', async () => {
    resetChatStore();
    const db = createMemoryDb();
    const connection = connectPersistence(useChatStore, createRepository(db), { tabId: 'A' });
    await connection.ready;
    const upToBlockEnd = `${BASIC.split('event: message_delta')[0] ?? ''}`;
    const done = sendMessage('hello', { fetch: fakeFetch(() => ({ chunks: [upToBlockEnd], hang: true })) });
    const conversation = useChatStore.getState().activeId;
    const answerId = () => useChatStore.getState().streaming?.id ?? '';
    await expect.poll(async () => (await db.messagesOf(conversation)).flatMap((r) => readMessageRecord(r) ?? []).find((r) => r.id === answerId())?.message).toMatchObject({ stream: { status: 'streaming', blocks: [{ kind: 'text', closed: true }] } });
    const writesWhileStreaming = db.writes;

    // A reload: a new tab reads what was saved while the first still streams.
    const reloaded = await openTab(db, 'B');
    const restored = reloaded.store.getState().messages[answerId()];
    expect(restored?.role === 'assistant' && restored.stream.status).toBe('interrupted');
    expect(restored?.role === 'assistant' && restored.stream.blocks[0]?.kind === 'text' && restored.stream.blocks[0].block.text).toBe('Hello there!');

    stopStreaming();
    await done;
    await settle();
    expect(db.writes).toBeGreaterThan(writesWhileStreaming);
    const final = (await db.messagesOf(conversation)).flatMap((r) => readMessageRecord(r) ?? []).find((r) => r.message.role === 'assistant');
    expect(final?.message.role === 'assistant' && final.message.stream.status).toBe('stopped');
    connection.dispose();
  });
});
