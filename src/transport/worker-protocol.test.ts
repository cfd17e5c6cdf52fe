import { describe, expect, it } from 'vitest';
import { decodeBatch, packMessages, unpackMessages } from './worker-protocol';

const all = (packed: ReturnType<typeof packMessages>) => {
  const out: Array<[string, string]> = [];
  unpackMessages(packed, (event, data) => out.push([event, data]));
  return out;
};

describe('packed messages', () => {
  it('round-trips events and data, empty, multi-line and non-ASCII ones included', () => {
    const events = ['message_start', '', 'content_block_delta', 'ping'];
    const data = ['{"a":1}', 'line one\nline two', '{"text":"héllo 👋"}', ''];
    expect(all(packMessages(events, data))).toEqual(events.map((e, i) => [e, data[i]]));
  });

  it('packs nothing into an empty batch', () => {
    const packed = packMessages([], []);
    expect(packed.ends.length).toBe(0);
    expect(all(packed)).toEqual([]);
  });

  it('stops when asked and resumes where it stopped, visiting each message once', () => {
    const events = Array.from({ length: 100 }, (_, i) => `e${i}`);
    const packed = packMessages(events, events.map((e) => `d-${e}`));
    const seen: string[] = [];
    let position = unpackMessages(packed, (event) => seen.push(event), 0, () => seen.length >= 40);
    expect(position).toBe(seen.length);
    expect(position).toBeLessThan(100);
    position = unpackMessages(packed, (event) => seen.push(event), position);
    expect(position).toBe(100);
    expect(seen).toEqual(events);
  });
});

describe('decodeBatch', () => {
  it('decodes a batch, joins runs of deltas to one block, and keeps a decode error in its place', () => {
    const delta = (index: number, text: string) => JSON.stringify({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
    const events = ['content_block_delta', 'content_block_delta', 'content_block_delta', 'content_block_delta', 'ping', 'content_block_delta'];
    const data = [delta(0, 'Hel'), delta(0, 'lo'), '{not json', delta(0, ' wor'), '{"type":"ping"}', delta(1, 'x')];
    const decoded = decodeBatch(events, data);
    expect(decoded.map((d) => (d.ok ? d.event.type : 'error'))).toEqual(['content_block_delta', 'error', 'content_block_delta', 'ping', 'content_block_delta']);
    const first = decoded[0];
    expect(first?.ok && first.event.type === 'content_block_delta' && first.event.delta.type === 'text_delta' && first.event.delta.text).toBe('Hello');
  });
});
