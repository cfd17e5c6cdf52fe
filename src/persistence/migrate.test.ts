import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings';
import { createMemoryDb } from './memory-db';
import { migrateConversation, readMessageRecord } from './migrate';
import type { ConversationRecordV0 } from './records';
import { openTab } from './test-helpers';

const v0: ConversationRecordV0 = {
  id: 'conv-old',
  title: 'From the old app',
  createdAt: 1000,
  updatedAt: 2000,
  settings: { ...defaultSettings(), maxTokens: 777 },
  messages: [
    { id: 'u1', role: 'user', text: 'first' },
    { id: 'n1', role: 'notice', text: 'a note' },
    { id: 'u2', role: 'user', text: 'second' },
  ],
};

describe('migration', () => {
  it('turns a v0 linear list into a v1 chain of message records', () => {
    const migrated = migrateConversation(v0);
    expect(migrated?.migrated).toBe(true);
    expect(migrated?.conversation).toEqual({ schemaVersion: 1, id: 'conv-old', title: 'From the old app', createdAt: 1000, updatedAt: 2000, settings: v0.settings, selection: {} });
    expect(migrated?.messages.map((r) => [r.id, r.message.parentId, r.message.createdAt])).toEqual([
      ['u1', null, 1000],
      ['n1', 'u1', 1001],
      ['u2', 'n1', 1002],
    ]);
  });

  it('leaves v1 records as they are, fills settings added later, and skips what it cannot read', () => {
    const { messages: _m, ...rest } = v0;
    const { maxTokens: _gone, ...oldSettings } = v0.settings;
    const v1 = { ...rest, schemaVersion: 1, settings: oldSettings, selection: {} };
    const migrated = migrateConversation(v1);
    expect(migrated?.migrated).toBe(false);
    expect(migrated?.conversation.settings.maxTokens).toBe(defaultSettings().maxTokens);
    expect(migrateConversation({ ...v1, schemaVersion: 99 })).toBeNull();
    expect(migrateConversation('junk')).toBeNull();
    expect(readMessageRecord({ schemaVersion: 1, conversationId: 'c', id: 'x', message: { id: 'y', role: 'user' } })).toBeNull();
  });

  it('loading a database written by the old app opens the conversation and rewrites it in the new shape', async () => {
    const db = createMemoryDb();
    db.seedConversation(v0);
    const tab = await openTab(db, 'A');
    const s = tab.store.getState();
    expect(s.activeId).toBe('conv-old');
    expect(s.messageIds).toEqual(['u1', 'n1', 'u2']);
    expect(s.settings.maxTokens).toBe(777);
    expect(await db.conversation('conv-old')).toMatchObject({ schemaVersion: 1 });
    expect(await db.conversation('conv-old')).not.toHaveProperty('messages');
    expect((await db.messagesOf('conv-old')).length).toBe(3);
  });

  it('a migration that cannot be written back leaves the old record untouched and still shows it', async () => {
    const db = createMemoryDb();
    db.seedConversation(v0);
    db.failWrites = () => new DOMException('full', 'QuotaExceededError');
    const tab = await openTab(db, 'A');
    expect(tab.store.getState().messageIds).toEqual(['u1', 'n1', 'u2']);
    expect(await db.conversation('conv-old')).toEqual(v0);
  });
});
