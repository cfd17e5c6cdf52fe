// Hostile input through the whole client path (fetch-event-source, decode,
// reduce): invalid JSON, truncated UTF-8, absurdly long lines, events out of
// order, deltas for blocks never started. Nothing may throw, hang, or lose
// what was applied before. Seeded, so a failure replays exactly.
import { beforeAll, describe, expect, it } from 'vitest';
import { applyDecodeError, applyEvent, createStreamedMessage, decodeEvent, endStream, type StreamedMessage } from '../protocol';
import { fakeFetch, installBrowserShims } from './node-shims';
import { streamMessage } from './stream-message';

beforeAll(() => {
  installBrowserShims();
});

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const encoder = new TextEncoder();
const frame = (data: string, event = 'content_block_delta') => `event: ${event}\ndata: ${data}\n\n`;
const START = frame(JSON.stringify({ type: 'message_start', message: { id: 'm', type: 'message', role: 'assistant', model: 'x', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } }), 'message_start');
const TEXT_START = frame(JSON.stringify({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }), 'content_block_start');
const delta = (text: string, index = 0) => frame(JSON.stringify({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } }));

const HOSTILE: ReadonlyArray<(r: () => number) => Uint8Array | string> = [
  () => frame('{"type": nope'),
  () => frame('[1,2,3]'),
  () => frame('"just a string"'),
  () => frame('null'),
  () => delta('never started', 7),
  () => frame(JSON.stringify({ type: 'content_block_stop', index: -1 }), 'content_block_stop'),
  () => frame(JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{' } })),
  () => frame(JSON.stringify({ type: 'message_delta' }), 'message_delta'),
  () => frame(JSON.stringify({ type: 'message_delta', delta: {}, usage: { output_tokens: 'many' } }), 'message_delta'),
  () => START,
  () => `data: ${'x'.repeat(200_000)}\n\n`,
  () => `event: ${'e'.repeat(50_000)}\n`,
  () => new Uint8Array([0xe2, 0x82]),
  () => new Uint8Array([0xff, 0xfe, 0x0a, 0x0a]),
  () => '\r\r\n\n',
  () => ': comment\n',
  (r) => delta(String.fromCharCode(...Array.from({ length: 20 }, () => Math.floor(r() * 0xffff)))),
];

async function runHostile(seed: number): Promise<{ message: StreamedMessage; text: string }> {
  const r = rng(seed);
  const parts: Array<Uint8Array | string> = [START, TEXT_START, delta('kept ')];
  for (let i = 0; i < 40; i++) parts.push(HOSTILE[Math.floor(r() * HOSTILE.length)]?.(r) ?? '');
  // Split the bytes at random places, as a network would.
  const bytes = parts.map((p) => (typeof p === 'string' ? encoder.encode(p) : p));
  const chunks: Uint8Array[] = [];
  for (const b of bytes) {
    for (let i = 0; i < b.length; ) {
      const size = 1 + Math.floor(r() * 4096);
      chunks.push(b.subarray(i, i + size));
      i += size;
    }
  }
  let message = createStreamedMessage(0);
  const end = await streamMessage(
    { url: '/x', body: {}, signal: new AbortController().signal, fetch: fakeFetch(() => ({ chunks })) },
    {
      onOpen: () => undefined,
      onMessage: (event, data) => {
        const decoded = decodeEvent(event, data);
        message = decoded.ok ? applyEvent(message, decoded.event, 1) : applyDecodeError(message, decoded.error);
      },
    },
  );
  message = endStream(message, end, 2);
  const first = message.blocks[0];
  return { message, text: first?.kind === 'text' ? first.block.text : '' };
}

describe('the client path under hostile input', () => {
  it.each(Array.from({ length: 25 }, (_, i) => i + 1))('seed %i: no throw, no hang, earlier text kept, the stream ends', async (seed) => {
    const { message, text } = await runHostile(seed);
    expect(text.startsWith('kept ')).toBe(true);
    expect(message.status).not.toBe('streaming');
    // An exception thrown inside the message handler would surface as a network failure.
    expect(message.error?.kind).not.toBe('network');
  });
});
