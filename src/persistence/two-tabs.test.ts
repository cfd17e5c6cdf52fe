import { describe, expect, it } from 'vitest';
import { dropConversation, renameConversation } from '../store';
import { readMessageRecord } from './migrate';
import { createMemoryDb } from './memory-db';
import { createChannelHub } from './sync';
import { openTab, say, settle } from './test-helpers';

describe('two tabs on one database', () => {
  it('each tab writes only the records it created or changed, and the other tab follows', async () => {
    const db = createMemoryDb();
    const hub = createChannelHub();
    const a = await openTab(db, 'A', hub());
    say(a.store, 'qa', 'from tab A');
    await settle();

    const b = await openTab(db, 'B', hub());
    const conversation = a.store.getState().activeId;
    expect(b.store.getState().activeId).toBe(conversation);
    expect(b.store.getState().messageIds).toEqual(['qa']);

    say(b.store, 'qb', 'from tab B');
    await settle();
    // A was notified and re-read the conversation it shows (it is not streaming).
    expect(a.store.getState().messageIds).toEqual(['qa', 'qb']);

    say(a.store, 'qa2', 'A again');
    await settle();
    const messageWrites = (ops: typeof a.written) => ops.flatMap((op) => (op.kind === 'put_message' ? [op.record.id] : []));
    expect(messageWrites(a.written)).toEqual(['qa', 'qa2']);
    expect(messageWrites(b.written)).toEqual(['qb']);
    const stored = (await db.messagesOf(conversation)).flatMap((r) => readMessageRecord(r) ?? []);
    expect(stored.map((r) => r.id).sort()).toEqual(['qa', 'qa2', 'qb']);

    // Concurrent changes to different fields of the conversation both survive.
    a.store.setState((s) => renameConversation(s, conversation, 'Renamed in A'));
    b.store.setState((s) => ({ settings: { ...s.settings, maxTokens: 1234 } }));
    await settle();
    const record = (await db.conversation(conversation)) as { title: string; settings: { maxTokens: number } };
    expect(record.title).toBe('Renamed in A');
    expect(record.settings.maxTokens).toBe(1234);
    expect(a.store.getState().settings.maxTokens).toBe(1234);
    expect(b.store.getState().conversations[conversation]?.title).toBe('Renamed in A');
  });

  it('a tab in a turn of its own does not reload the conversation under it', async () => {
    const db = createMemoryDb();
    const hub = createChannelHub();
    const a = await openTab(db, 'A', hub());
    say(a.store, 'q1');
    await settle();
    const b = await openTab(db, 'B', hub());
    a.store.setState({ turnActive: true });
    say(b.store, 'q2');
    await settle();
    expect(a.store.getState().messageIds).toEqual(['q1']);
  });

  it('a deletion in one tab removes the conversation from the other list', async () => {
    const db = createMemoryDb();
    const hub = createChannelHub();
    const a = await openTab(db, 'A', hub());
    say(a.store, 'q1');
    await settle();
    const first = a.store.getState().activeId;
    a.connection.newChat();
    say(a.store, 'q2');
    await settle();
    const b = await openTab(db, 'B', hub());
    expect(Object.keys(b.store.getState().conversations)).toContain(first);
    a.store.setState((s) => dropConversation(s, first));
    await settle();
    expect(Object.keys(b.store.getState().conversations)).not.toContain(first);
    expect(await db.conversation(first)).toBeUndefined();
  });
});
