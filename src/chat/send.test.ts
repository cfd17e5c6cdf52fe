import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetChatStore, selectStream, useChatStore } from '../store';
import { fakeFetch, installBrowserShims } from '../transport/node-shims';
import { sendMessage, stopStreaming } from './send';

const BASIC = readFileSync(new URL('../../fixtures/anthropic-sse/sdk-ts-basic-text.sse', import.meta.url), 'utf8');

beforeAll(() => {
  installBrowserShims();
});
beforeEach(() => {
  resetChatStore();
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
