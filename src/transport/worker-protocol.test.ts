import { describe, expect, it } from 'vitest';
import { packMessages, unpackMessages } from './worker-protocol';

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
