import { describe, expect, it } from 'vitest';
import { decodeEvent, isRecord } from './decode';

const ok = (name: string, data: unknown) => {
  const result = decodeEvent(name, JSON.stringify(data));
  if (!result.ok) throw new Error(`expected an event, got ${result.error.detail}`);
  return result.event;
};
const problem = (name: string, data: string) => {
  const result = decodeEvent(name, data);
  return result.ok ? 'decoded' : result.error;
};

describe('decodeEvent', () => {
  it('decodes every known event as sent', () => {
    const events = [
      { type: 'message_start', message: { id: 'm', content: [] } },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 3, delta: { type: 'text_delta', text: 'hi' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 's' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 1 } },
      { type: 'message_stop' },
      { type: 'ping' },
      { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    ];
    for (const event of events) expect(ok(event.type, event), event.type).toEqual(event);
  });

  it('takes the type from the JSON, and from the event name when the JSON has none', () => {
    expect(ok('ping', {})).toEqual({ type: 'ping' });
    expect(ok('content_block_stop', { index: 2 })).toEqual({ type: 'content_block_stop', index: 2 });
    expect(ok('message_stop', { type: 7 })).toEqual({ type: 'message_stop' });
    // The JSON wins over the SSE name.
    expect(ok('ping', { type: 'message_stop' })).toEqual({ type: 'message_stop' });
  });

  it('keeps an event no client knows yet as an unknown event, whole', () => {
    expect(ok('message_progress', { type: 'message_progress', progress: { completed: 1 } })).toEqual({
      type: 'unknown',
      name: 'message_progress',
      data: { type: 'message_progress', progress: { completed: 1 } },
    });
    expect(ok('future', { x: 1 })).toEqual({ type: 'unknown', name: 'future', data: { x: 1 } });
  });

  it('reports data that is not JSON, or not a JSON object, naming the event', () => {
    const invalid = problem('content_block_delta', '{"type": ');
    expect(invalid).toMatchObject({ kind: 'malformed', event: 'content_block_delta' });
    expect(invalid === 'decoded' ? '' : invalid.detail).toMatch(/^invalid JSON: \S/);
    expect(problem('ping', '[1, 2]')).toEqual({ kind: 'malformed', event: 'ping', detail: 'data is not a JSON object' });
    expect(problem('ping', 'null')).toEqual({ kind: 'malformed', event: 'ping', detail: 'data is not a JSON object' });
    expect(problem('ping', '"text"')).toEqual({ kind: 'malformed', event: 'ping', detail: 'data is not a JSON object' });
    // An unnamed SSE message is called "message", as in SSE itself.
    expect(problem('', '{')).toMatchObject({ kind: 'malformed', event: 'message' });
  });

  it.each([
    ['message_start', { message: { id: 'm' } }, 'missing "message"'],
    ['message_start', { message: [] }, 'missing "message"'],
    ['message_start', {}, 'missing "message"'],
    ['content_block_start', { content_block: { type: 'text' } }, 'missing "index" or "content_block"'],
    ['content_block_start', { index: 0 }, 'missing "index" or "content_block"'],
    ['content_block_start', { index: 0, content_block: { text: '' } }, 'missing "index" or "content_block"'],
    ['content_block_start', { index: 0, content_block: 'text' }, 'missing "index" or "content_block"'],
    ['content_block_delta', { delta: { type: 'text_delta' } }, 'missing "index" or "delta"'],
    ['content_block_delta', { index: 0 }, 'missing "index" or "delta"'],
    ['content_block_delta', { index: 0, delta: { text: 'x' } }, 'missing "index" or "delta"'],
    ['content_block_delta', { index: 0, delta: null }, 'missing "index" or "delta"'],
    ['content_block_stop', {}, 'missing "index"'],
    ['content_block_stop', { index: -1 }, 'missing "index"'],
    ['content_block_stop', { index: 1.5 }, 'missing "index"'],
    ['content_block_stop', { index: '0' }, 'missing "index"'],
    ['message_delta', {}, 'missing "delta"'],
    ['message_delta', { delta: [] }, 'missing "delta"'],
    ['error', {}, 'missing "error"'],
    ['error', { error: 'Overloaded' }, 'missing "error"'],
  ])('%s %j: %s', (type, data, detail) => {
    expect(problem(type, JSON.stringify({ type, ...data }))).toEqual({ kind: 'malformed', event: type, detail });
  });

  it('takes the fast path for plain deltas, with the same result as the full parse', () => {
    const data = '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a \\"quoted\\" word"}}';
    expect(decodeEvent('content_block_delta', data)).toEqual({ ok: true, event: JSON.parse(data) });
  });
});

describe('isRecord', () => {
  it('is true for plain objects only', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord('x')).toBe(false);
  });
});
