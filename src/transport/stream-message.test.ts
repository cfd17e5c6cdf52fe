import { beforeAll, describe, expect, it } from 'vitest';
import { fakeFetch, installBrowserShims, type ShimDocument } from './node-shims';
import { streamMessage } from './stream-message';

let doc: ShimDocument;
beforeAll(() => {
  doc = installBrowserShims();
});

function collect() {
  const messages: Array<{ event: string; data: string }> = [];
  const opened: Array<string | null> = [];
  return {
    messages,
    opened,
    handlers: { onOpen: (m: { requestId: string | null }) => opened.push(m.requestId), onMessage: (event: string, data: string) => messages.push({ event, data }) },
  };
}

const EVENTS = 'event: ping\ndata: {"type": "ping"}\n\n';

describe('streamMessage', () => {
  it('delivers messages and ends with eof', async () => {
    const c = collect();
    const end = await streamMessage(
      { url: '/x', body: {}, signal: new AbortController().signal, fetch: fakeFetch(() => ({ headers: { 'content-type': 'text/event-stream', 'request-id': 'req_1' }, chunks: [EVENTS, EVENTS] })) },
      c.handlers,
    );
    expect(end).toEqual({ kind: 'eof' });
    expect(c.opened).toEqual(['req_1']);
    expect(c.messages).toEqual([
      { event: 'ping', data: '{"type": "ping"}' },
      { event: 'ping', data: '{"type": "ping"}' },
    ]);
  });

  it('delivers every message of a large chunk in order', async () => {
    const c = collect();
    const many = Array.from({ length: 3000 }, (_, i) => `event: n\ndata: {"i":${i}}\n\n`).join('');
    const end = await streamMessage(
      { url: '/x', body: {}, signal: new AbortController().signal, fetch: fakeFetch(() => ({ chunks: [many] })) },
      c.handlers,
    );
    expect(end).toEqual({ kind: 'eof' });
    expect(c.messages.map((m) => JSON.parse(m.data).i)).toEqual(Array.from({ length: 3000 }, (_, i) => i));
  });

  it('ignores a blank line that dispatches a message with no data', async () => {
    const c = collect();
    await streamMessage({ url: '/x', body: {}, signal: new AbortController().signal, fetch: fakeFetch(() => ({ chunks: ['\n\n', EVENTS, '\n'] })) }, c.handlers);
    expect(c.messages).toHaveLength(1);
  });

  it('maps an HTTP error body to a typed error and never re-sends the request', async () => {
    const calls: Array<RequestInit | undefined> = [];
    const body = JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' }, request_id: 'req_body' });
    const end = await streamMessage(
      {
        url: '/x',
        body: {},
        signal: new AbortController().signal,
        fetch: fakeFetch(() => ({ status: 529, headers: { 'content-type': 'application/json', 'retry-after': '7' }, chunks: [body] }), calls),
      },
      collect().handlers,
    );
    expect(calls).toHaveLength(1);
    expect(end).toEqual({
      kind: 'failed',
      error: { kind: 'api', status: 529, type: 'overloaded_error', message: 'Overloaded', requestId: 'req_body', retryAfterSeconds: 7 },
    });
  });

  it('reports a 200 that is not an event stream', async () => {
    const end = await streamMessage({ url: '/x', body: {}, signal: new AbortController().signal, fetch: fakeFetch(() => ({ headers: { 'content-type': 'text/html' }, chunks: ['<html>'] })) }, collect().handlers);
    expect(end).toEqual({ kind: 'failed', error: { kind: 'unexpected_response', status: 200, contentType: 'text/html' } });
  });

  it('turns a network failure into a typed error without retrying', async () => {
    let calls = 0;
    const failing: typeof fetch = async () => {
      calls += 1;
      throw new TypeError('Failed to fetch');
    };
    const end = await streamMessage({ url: '/x', body: {}, signal: new AbortController().signal, fetch: failing }, collect().handlers);
    expect(calls).toBe(1);
    expect(end).toEqual({ kind: 'failed', error: { kind: 'network', message: 'Failed to fetch' } });
  });

  it('returns aborted for a signal aborted before the call, without fetching', async () => {
    const calls: Array<RequestInit | undefined> = [];
    const controller = new AbortController();
    controller.abort();
    const end = await streamMessage({ url: '/x', body: {}, signal: controller.signal, fetch: fakeFetch(() => ({ chunks: [EVENTS] }), calls) }, collect().handlers);
    expect(end).toEqual({ kind: 'aborted' });
    expect(calls).toHaveLength(0);
  });

  it('returns aborted when stopped mid-stream, keeping what arrived', async () => {
    const controller = new AbortController();
    const c = collect();
    const pending = streamMessage(
      {
        url: '/x',
        body: {},
        signal: controller.signal,
        fetch: fakeFetch(() => ({ chunks: [EVENTS], hang: true })),
      },
      { ...c.handlers, onMessage: (event, data) => {
        c.handlers.onMessage(event, data);
        controller.abort();
      } },
    );
    expect(await pending).toEqual({ kind: 'aborted' });
    expect(c.messages).toHaveLength(1);
  });

  it('does not abort or re-send when the tab is hidden and shown again', async () => {
    const calls: Array<RequestInit | undefined> = [];
    const controller = new AbortController();
    const c = collect();
    let hiddenOnce = false;
    const pending = streamMessage(
      { url: '/x', body: {}, signal: controller.signal, fetch: fakeFetch(() => ({ chunks: [EVENTS, EVENTS], hang: true }), calls) },
      {
        ...c.handlers,
        onMessage: (event, data) => {
          c.handlers.onMessage(event, data);
          if (hiddenOnce) {
            controller.abort();
            return;
          }
          hiddenOnce = true;
          doc.hidden = true;
          doc.dispatchEvent(new Event('visibilitychange'));
          doc.hidden = false;
          doc.dispatchEvent(new Event('visibilitychange'));
        },
      },
    );
    await pending;
    expect(calls).toHaveLength(1);
    expect(c.messages).toHaveLength(2);
  });
});

describe('stall detection', () => {
  it('gives up when no byte arrives for the stall timeout, keeping what arrived', async () => {
    const c = collect();
    const end = await streamMessage(
      { url: '/x', body: {}, signal: new AbortController().signal, stallTimeoutMs: 50, fetch: fakeFetch(() => ({ chunks: [EVENTS], hang: true })) },
      c.handlers,
    );
    expect(end).toEqual({ kind: 'failed', error: { kind: 'stall', seconds: 0.1 } });
    expect(c.messages).toHaveLength(1);
  });

  it('does not fire while bytes keep arriving', async () => {
    const end = await streamMessage(
      { url: '/x', body: {}, signal: new AbortController().signal, stallTimeoutMs: 1000, fetch: fakeFetch(() => ({ chunks: [EVENTS, EVENTS] })) },
      collect().handlers,
    );
    expect(end).toEqual({ kind: 'eof' });
  });
});
