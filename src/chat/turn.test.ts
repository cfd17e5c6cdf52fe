import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetChatStore, selectStream, useChatStore } from '../store';
import { fakeFetch, installBrowserShims } from '../transport/node-shims';
import { sendMessage, stopStreaming } from './turn';

const BASIC = readFileSync(new URL('../../fixtures/anthropic-sse/sdk-ts-basic-text.sse', import.meta.url), 'utf8');

beforeAll(() => {
  installBrowserShims();
});
beforeEach(() => {
  resetChatStore();
  // Plain string contents keep the expectations readable; the breakpoint has its own test.
  useChatStore.setState((s) => ({ settings: { ...s.settings, promptCaching: false } }));
});

const lastAssistant = () => {
  const s = useChatStore.getState();
  const id = s.messageIds.at(-1) ?? '';
  return selectStream(s, id);
};

describe('sendMessage', () => {
  it('adds the user message, streams the answer into the store and sends the history', async () => {
    const bodies: unknown[] = [];
    const fetch = fakeFetch((init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return { headers: { 'content-type': 'text/event-stream', 'request-id': 'req_t' }, chunks: [BASIC] };
    });
    await sendMessage('hello', { fetch });
    const s = useChatStore.getState();
    expect(s.streaming).toBeNull();
    expect(s.messageIds).toHaveLength(2);
    const answer = lastAssistant();
    expect(answer?.status).toBe('complete');
    expect(answer?.blocks[0]?.kind === 'text' && answer.blocks[0].block.text).toBe('Hello there!');
    const id = s.messageIds[1] ?? '';
    expect(s.messages[id]?.role === 'assistant' && s.messages[id].requestId).toBe('req_t');

    await sendMessage('and again', { fetch });
    expect(bodies[1]).toMatchObject({
      stream: true,
      messages: [
        { role: 'user', content: 'hello' },
        { role: 'assistant', content: [{ type: 'text', text: 'Hello there!' }] },
        { role: 'user', content: 'and again' },
      ],
    });
  });

  it('keeps the partial answer and marks it stopped on Stop', async () => {
    const partial = BASIC.split('event: content_block_stop')[0] ?? '';
    const fetch = fakeFetch(() => ({ chunks: [partial], hang: true }));
    const done = sendMessage('hello', { fetch });
    await expect.poll(() => useChatStore.getState().streaming?.stream.blocks.length ?? 0).toBe(1);
    stopStreaming();
    await done;
    const answer = lastAssistant();
    expect(answer?.status).toBe('stopped');
    expect(answer?.blocks[0]?.kind === 'text' && answer.blocks[0].block.text).toBe('Hello there!');
    expect(useChatStore.getState().streaming).toBeNull();
  });

  it('shows an HTTP error on the answer and does not send a stopped answer back as empty', async () => {
    const body = JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: too big' } });
    await sendMessage('hello', { fetch: fakeFetch(() => ({ status: 400, headers: { 'content-type': 'application/json' }, chunks: [body] })) });
    expect(lastAssistant()).toMatchObject({ status: 'error', error: { kind: 'api', status: 400, message: 'max_tokens: too big' } });
    const bodies: Array<{ messages: unknown[] }> = [];
    await sendMessage('retry', { fetch: fakeFetch((init) => (bodies.push(JSON.parse(String(init?.body))), { chunks: [BASIC] })) });
    expect(bodies[0]?.messages).toEqual([
      { role: 'user', content: 'hello' },
      { role: 'user', content: 'retry' },
    ]);
  });
});

const toolUseStream = (id: string) =>
  [
    { type: 'message_start', message: { id: `msg_${id}`, type: 'message', role: 'assistant', model: 'claude-x', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 5, output_tokens: 1 } } },
    { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id, name: 'calculator', input: {} } },
    { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '' } },
    { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"expression": "6*7"}' } },
    { type: 'content_block_stop', index: 0 },
    { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 12 } },
    { type: 'message_stop' },
  ]
    .map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`)
    .join('');

describe('the agent loop', () => {
  it('runs a built-in tool, sends its result back and continues until the turn ends', async () => {
    const bodies: Array<{ messages: Array<{ role: string; content: unknown }>; tools?: Array<{ name: string }> }> = [];
    const fetch = fakeFetch((init) => {
      const body = JSON.parse(String(init?.body)) as (typeof bodies)[number];
      bodies.push(body);
      return { chunks: [bodies.length === 1 ? toolUseStream('toolu_a') : BASIC] };
    });
    await sendMessage('what is 6*7?', { fetch });
    expect(bodies).toHaveLength(2);
    expect(bodies[0]?.tools?.map((t) => t.name)).toContain('calculator');
    expect(bodies[1]?.messages.at(-1)).toEqual({ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_a', content: '42', is_error: false }] });
    const roles = useChatStore.getState().messageIds.map((id) => useChatStore.getState().messages[id]?.role);
    expect(roles).toEqual(['user', 'assistant', 'tool_results', 'assistant']);
    expect(useChatStore.getState().turnActive).toBe(false);
  });

  it('stops a runaway loop at the round-trip limit with a notice', async () => {
    useChatStore.setState((s) => ({ settings: { ...s.settings, maxRoundTrips: 3 } }));
    let calls = 0;
    const fetch = fakeFetch(() => {
      calls += 1;
      return { chunks: [toolUseStream(`toolu_${calls}`)] };
    });
    await sendMessage('loop forever', { fetch });
    expect(calls).toBe(3);
    const s = useChatStore.getState();
    const last = s.messages[s.messageIds.at(-1) ?? ''];
    expect(last?.role).toBe('notice');
    expect(last?.role === 'notice' && last.text).toMatch(/Stopped after 3 requests/);
  });

  it('waits for approval when asked to, and Stop ends the wait', async () => {
    useChatStore.setState((s) => ({ settings: { ...s.settings, approval: 'ask' } }));
    let calls = 0;
    const fetch = fakeFetch(() => {
      calls += 1;
      return { chunks: [toolUseStream('toolu_x')] };
    });
    const done = sendMessage('calc', { fetch });
    await expect.poll(() => useChatStore.getState().messageIds.length).toBe(3);
    const s = useChatStore.getState();
    const results = s.messages[s.messageIds[2] ?? ''];
    expect(results?.role === 'tool_results' && results.results[0]?.state).toBe('awaiting_approval');
    stopStreaming();
    await done;
    expect(calls).toBe(1);
    expect(useChatStore.getState().turnActive).toBe(false);
  });
});

describe('prompt caching', () => {
  it('puts a cache breakpoint on the last message when on (the default)', async () => {
    resetChatStore();
    const bodies: Array<{ messages: unknown[] }> = [];
    await sendMessage('hello', { fetch: fakeFetch((init) => (bodies.push(JSON.parse(String(init?.body))), { chunks: [BASIC] })) });
    expect(bodies[0]?.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'hello', cache_control: { type: 'ephemeral' } }] }]);
  });
});
