import { describe, expect, it } from 'vitest';
import { replay, sse } from '../protocol/test-support';
import { appendMessage, place, truncateAfter, type AssistantMessage, type ChatStore, type MessageDraft, type ToolResultsMessage } from '../store';
import { exportAll, exportOne, importJson } from './library';
import { createMemoryDb } from './memory-db';
import { parseImport } from './transfer';
import { openTab, say, settle } from './test-helpers';

const start = { type: 'message_start', message: { id: 'm', type: 'message', role: 'assistant', model: 'claude-x', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 9, output_tokens: 1, cache_read_input_tokens: 3 } } };
const toolAnswer = sse(
  start,
  { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'I should calculate' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'sig' } },
  { type: 'content_block_stop', index: 0 },
  { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 'calculator', input: {} } },
  { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"expression":"6*7"}' } },
  { type: 'content_block_stop', index: 1 },
  { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 20 } },
  { type: 'message_stop' },
);

function add(store: ChatStore, draft: MessageDraft, at: number): void {
  store.setState((s) => appendMessage(s, place(s, draft, at)));
}

async function richConversation(store: ChatStore): Promise<string> {
  say(store, 'u1', 'what is 6*7?', 1000);
  const answer: MessageDraft<AssistantMessage> = { id: 'a1', role: 'assistant', stream: replay(toolAnswer), requestId: 'req_1', requestedModel: 'claude-x' };
  add(store, answer, 1001);
  const results: MessageDraft<ToolResultsMessage> = { id: 't1', role: 'tool_results', results: [{ toolUseId: 'toolu_1', name: 'calculator', input: { expression: '6*7' }, state: 'done', content: '42', isError: false, builtin: true }] };
  add(store, results, 1002);
  store.setState((s) => truncateAfter(s, null));
  say(store, 'u1b', 'what is 6*8?', 1003);
  await settle();
  return store.getState().activeId;
}

describe('JSON export and import', () => {
  it('round-trips a conversation exactly: export, import elsewhere, export again gives the same JSON', async () => {
    const source = await openTab(createMemoryDb(), 'A');
    const id = await richConversation(source.store);
    const first = await exportOne(source.store, source.connection, id);
    const text = JSON.stringify(first);

    const target = await openTab(createMemoryDb(), 'B');
    expect(await importJson(target.store, target.connection, JSON.parse(text))).toEqual({ imported: 1 });
    await target.connection.open(id);
    expect(target.store.getState().messageIds).toEqual(['u1b']);
    const again = await exportOne(target.store, target.connection, id);
    expect(JSON.stringify(again)).toBe(text);
    // The tool-input parser was rebuilt on import.
    const a1 = target.store.getState().messages.a1;
    const block = a1?.role === 'assistant' ? a1.stream.blocks[1] : undefined;
    expect(block?.kind === 'tool_input' && block.parser.value).toEqual({ expression: '6*7' });
  });

  it('exports everything as one file and imports it back, next to the originals under new ids', async () => {
    const tab = await openTab(createMemoryDb(), 'A');
    await richConversation(tab.store);
    tab.connection.newChat();
    say(tab.store, 'other', 'another chat');
    await settle();
    const archive = await exportAll(tab.store, tab.connection);
    expect(archive.conversations).toHaveLength(2);
    expect(await importJson(tab.store, tab.connection, JSON.parse(JSON.stringify(archive)))).toEqual({ imported: 2 });
    expect(Object.keys(tab.store.getState().conversations)).toHaveLength(4);
  });

  it('refuses files that are not exports, or are damaged, without importing anything', () => {
    expect(parseImport({ hello: 1 })).toMatchObject({ ok: false });
    expect(parseImport({ format: 'claude-stream-chat/conversation', schemaVersion: 1, conversation: { id: 'c', createdAt: 1, updatedAt: 1, schemaVersion: 1 }, messages: [{ id: 'x', role: 'user' }] })).toMatchObject({ ok: false });
    expect(parseImport({ format: 'claude-stream-chat/conversation', schemaVersion: 2 })).toMatchObject({ ok: false });
  });
});
