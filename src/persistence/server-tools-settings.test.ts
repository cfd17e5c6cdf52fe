// A conversation saved before Claude's own tools existed opens with them off.
import { describe, expect, it } from 'vitest';
import { defaultServerTools, defaultSettings } from '../settings';
import { migrateConversation } from './migrate';

describe('settings saved before server tools', () => {
  it('get the server tools switched off, and keep everything else', () => {
    const { serverTools: _dropped, ...older } = { ...defaultSettings(), maxTokens: 777 };
    const migrated = migrateConversation({ schemaVersion: 1, id: 'c1', title: 't', createdAt: 1, updatedAt: 2, settings: older, selection: {} });
    expect(migrated?.conversation.settings.serverTools).toEqual(defaultServerTools());
    expect(migrated?.conversation.settings.maxTokens).toBe(777);
  });
});
