// A server-tool turn end to end in the store: pause_turn continues on its own,
// the container id goes with the next request, and every server block goes
// back to the API unchanged.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultServerTools } from '../settings';
import { resetChatStore, useChatStore } from '../store';
import { fakeFetch, installBrowserShims } from '../transport/node-shims';
import { sendMessage } from './turn';

beforeAll(() => {
  installBrowserShims();
});
beforeEach(() => {
  resetChatStore();
  const off = defaultServerTools();
  useChatStore.setState((s) => ({ settings: { ...s.settings, promptCaching: false, serverTools: { ...off, codeExecution: { enabled: true } } } }));
});

const sse = (events: object[]) => events.map((e) => `event: ${(e as { type: string }).type}\ndata: ${JSON.stringify(e)}\n\n`).join('');

const USE = { type: 'server_tool_use', id: 'srvtoolu_1', name: 'code_execution', input: {} };
const RESULT = {
  type: 'code_execution_tool_result',
  tool_use_id: 'srvtoolu_1',
  content: { type: 'code_execution_result', stdout: '4\n', stderr: '', return_code: 0, content: [{ type: 'code_execution_output', file_id: 'file_1' }] },
};
const CONTAINER = { id: 'container_abc', expires_at: '2026-12-07T20:00:00Z' };

const PAUSED = sse([
  { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-sonnet-5-5', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } } },
  { type: 'content_block_start', index: 0, content_block: USE },
  { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"code": "print(2+2)"}' } },
  { type: 'content_block_stop', index: 0 },
  { type: 'content_block_start', index: 1, content_block: RESULT },
  { type: 'content_block_stop', index: 1 },
  { type: 'message_delta', delta: { stop_reason: 'pause_turn', stop_sequence: null, container: CONTAINER }, usage: { output_tokens: 20 } },
  { type: 'message_stop' },
]);
const DONE = sse([
  { type: 'message_start', message: { id: 'msg_2', type: 'message', role: 'assistant', model: 'claude-sonnet-5-5', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } } },
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'It is 4.' } },
  { type: 'content_block_stop', index: 0 },
  { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 5 } },
  { type: 'message_stop' },
]);

describe('a server-tool turn', () => {
  it('continues after pause_turn with the container and the server blocks unchanged', async () => {
    const requests: { body: Record<string, unknown>; headers: Record<string, string> }[] = [];
    const fetch = fakeFetch((init) => {
      requests.push({ body: JSON.parse(String(init?.body)) as Record<string, unknown>, headers: init?.headers as Record<string, string> });
      return { chunks: [requests.length === 1 ? PAUSED : DONE] };
    });
    await sendMessage('what is 2+2? run it', { fetch });
    expect(requests).toHaveLength(2);
    const [first, second] = requests;
    expect((first?.body['tools'] as unknown[]).at(-1)).toEqual({ type: 'code_execution_20260120', name: 'code_execution' });
    expect(first?.body['container']).toBeUndefined();
    expect(first?.headers['anthropic-beta']).toBeUndefined();
    expect(second?.body['container']).toBe('container_abc');
    expect(second?.body['messages']).toEqual([
      { role: 'user', content: 'what is 2+2? run it' },
      { role: 'assistant', content: [{ ...USE, input: { code: 'print(2+2)' } }, RESULT] },
    ]);
  });
});
