// What a store change writes. THE TWO-TAB RULE: a tab writes only records it
// created or changed itself, found by comparing object identity between the
// store state before and after a local change:
// - a message record when that message object is new or replaced here (a
//   message another tab wrote is never written back by this one);
// - on a conversation record, only the fields that changed here (merged
//   into the stored record in the write's transaction);
// - nothing at all for changes that came from storage (loading, switching
//   conversations, another tab's notice): the caller marks those as quiet.
// Ids carry a per-tab random part, so two tabs never create the same key.
// The result is pure; `connect.ts` runs it on every store update, and it is
// O(1) unless the committed messages or the conversation list changed.
import { metaOf, type ChatState, type ConversationMeta } from '../store';
import type { WriteOp } from './raw-db';
import { CONVERSATION_FIELDS, type ConversationField } from './records';
import { toConversationRecord, toMessageRecord } from './repository';

export interface PlannedWrite {
  readonly ops: readonly WriteOp[];
  readonly changed: readonly string[];
  readonly deleted: readonly string[];
}

export function planWrites(state: ChatState, prev: ChatState): PlannedWrite {
  const ops: WriteOp[] = [];
  const changed = new Set<string>();
  const deleted: string[] = [];
  if (state.conversations !== prev.conversations) {
    for (const id of Object.keys(prev.conversations)) {
      if (id in state.conversations) continue;
      ops.push({ kind: 'delete_conversation', id });
      deleted.push(id);
    }
  }
  // A switch of conversation is made quietly; its own changes are already saved.
  if (state.activeId !== prev.activeId) return { ops, changed: [], deleted };
  const active = state.activeId;
  if (state.messages !== prev.messages) {
    const before = ops.length;
    for (const [id, message] of Object.entries(state.messages)) {
      if (prev.messages[id] !== message) ops.push({ kind: 'put_message', record: toMessageRecord(active, message) });
    }
    for (const id of Object.keys(prev.messages)) if (!(id in state.messages)) ops.push({ kind: 'delete_message', conversationId: active, id });
    if (ops.length > before) changed.add(active);
  }
  if (state.conversations !== prev.conversations || state.settings !== prev.settings) {
    // An empty new chat is saved with its first message, not before.
    const activeHasContent = Object.keys(state.messages).length > 0 || state.streaming !== null;
    for (const [id, meta] of Object.entries(state.conversations)) {
      const before = prev.conversations[id];
      const isActive = id === active;
      if (isActive && !activeHasContent) continue;
      const fields = before === undefined ? [...CONVERSATION_FIELDS] : changedFields(before, meta, isActive);
      if (isActive && state.settings !== prev.settings && !fields.includes('settings')) fields.push('settings');
      if (fields.length === 0) continue;
      const record = toConversationRecord(metaOf(state, id) ?? meta);
      ops.push({ kind: 'patch_conversation', record, fields });
      changed.add(id);
    }
  }
  return { ops, changed: [...changed], deleted };
}

function changedFields(before: ConversationMeta, after: ConversationMeta, isActive: boolean): ConversationField[] {
  if (before === after) return [];
  // The active conversation's live settings are `state.settings`; its meta copy may be stale.
  return CONVERSATION_FIELDS.filter((field) => !(isActive && field === 'settings') && before[field] !== after[field]);
}
