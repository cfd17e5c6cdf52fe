// Synthetic but wire-exact SSE streams for benchmarks.
const encoder = new TextEncoder();

function frame(type: string, data: unknown): string {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

function messageStart(): string {
  return frame('message_start', {
    type: 'message_start',
    message: { id: 'msg_bench', type: 'message', role: 'assistant', model: 'claude-bench', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } },
  });
}

function messageEnd(stopReason: string, outputTokens: number): string {
  return (
    frame('message_delta', { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: outputTokens } }) +
    frame('message_stop', { type: 'message_stop' })
  );
}

const WORDS = ['stream', ' token', ' by', ' token', ',', ' the', ' answer', ' grows', ' — ', 'ünïcødé', ' 🎉', '\n', ' code', ' `x`'];

/** A text block of about `bytes` of text in deltas of 1-3 words. */
export function textStream(bytes: number, kind: 'text' | 'thinking' = 'text'): Uint8Array {
  const parts: string[] = [messageStart()];
  const block = kind === 'text' ? { type: 'text', text: '' } : { type: 'thinking', thinking: '', signature: '' };
  parts.push(frame('content_block_start', { type: 'content_block_start', index: 0, content_block: block }));
  let size = 0;
  let i = 0;
  let deltas = 0;
  while (size < bytes) {
    const piece = (WORDS[i % WORDS.length] ?? '') + (WORDS[(i * 7 + 3) % WORDS.length] ?? '');
    i += 1;
    size += piece.length;
    deltas += 1;
    const delta = kind === 'text' ? { type: 'text_delta', text: piece } : { type: 'thinking_delta', thinking: piece };
    parts.push(frame('content_block_delta', { type: 'content_block_delta', index: 0, delta }));
  }
  if (kind === 'thinking') parts.push(frame('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'c2ln' } }));
  parts.push(frame('content_block_stop', { type: 'content_block_stop', index: 0 }));
  parts.push(messageEnd('end_turn', deltas));
  return encoder.encode(parts.join(''));
}

/** A tool_use block whose input is a JSON document of about `bytes`, sent in `sliceSize`-character deltas. */
export function toolStream(bytes: number, sliceSize = 5): Uint8Array {
  const rows: unknown[] = [];
  let json = '';
  for (let i = 0; json.length < bytes; i++) {
    rows.push({ id: i, name: `row ${i} — ü`, tags: ['a', 'b'], ok: i % 2 === 0, score: i * 1.5, note: 'quote " and \\ backslash' });
    if (i % 200 === 0) json = JSON.stringify({ rows });
  }
  json = JSON.stringify({ rows });
  const parts: string[] = [messageStart()];
  parts.push(frame('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_bench', name: 'save', input: {} } }));
  parts.push(frame('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '' } }));
  for (let i = 0; i < json.length; i += sliceSize) {
    parts.push(frame('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: json.slice(i, i + sliceSize) } }));
  }
  parts.push(frame('content_block_stop', { type: 'content_block_stop', index: 0 }));
  parts.push(messageEnd('tool_use', Math.ceil(json.length / 4)));
  return encoder.encode(parts.join(''));
}

/** Network-sized chunks, as a browser would receive them. */
export function chunked(bytes: Uint8Array, size = 16 * 1024): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}
