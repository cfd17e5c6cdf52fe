import { describe, expect, it } from 'vitest';
import { decodeEvent } from './decode';
import { decodeDeltaFast } from './fast-decode';

const delta = (d: Record<string, unknown>, index = 0) => JSON.stringify({ type: 'content_block_delta', index, delta: d });

describe('decodeDeltaFast', () => {
  const cases = [
    delta({ type: 'text_delta', text: 'Hello' }),
    delta({ type: 'text_delta', text: 'line\nbreak "quoted" \\ back \u00e9 🎉 \u2028' }, 12),
    delta({ type: 'thinking_delta', thinking: '' }),
    delta({ type: 'input_json_delta', partial_json: '{"a": "b\\"' }, 3),
    delta({ type: 'text_delta', text: 'tab\there \u0001 control' }),
  ];
  it.each(cases)('gives exactly what JSON.parse gives: %s', (data) => {
    expect(decodeDeltaFast(data)).toEqual(JSON.parse(data));
  });

  it.each([
    '{"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "spaced"}}',
    '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"padded"}}      ',
    '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"x","extra":1}}',
    '{"type":"content_block_delta","index":01,"delta":{"type":"text_delta","text":"x"}}',
    '{"type":"content_block_delta","index":0,"delta":{"type":"citations_delta","citation":{}}}',
    '{"type":"content_block_delta","index":0,"delta":{"type":"thinking","text":"x"}}',
    '{"type":"content_block_delta","index":0,"delta":{"type":"hinking_delta","thinking":"x"}}',
    '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"unterminated}}',
    '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"bad \\q"}}',
    '{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"bad \\q"}}',
    '{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"bad \\q"}}',
    // Each part of the form checked on its own, the rest being exact.
    '{"type":"content_block_delte","index":0,"delta":{"type":"text_delta","text":"x"}}',
    '{"type":"content_block_delta","index":,"delta":{"type":"text_delta","text":"x"}}',
    '{"type":"content_block_delta","index":1234567890,"delta":{"type":"text_delta","text":"x"}}',
    '{"type":"content_block_delta","index":0,"deltb":{"type":"text_delta","text":"x"}}',
    '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","txet":"x"}}',
    '{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinkin":"x"}}',
    '{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_jsom":"x"}}',
    '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"x"}]',
    '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"x"]}',
    '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"x\'}}',
    // The closing quote overlapping the opening one.
    '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"}}',
    // A raw control character is not valid JSON.
    '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a\u001fb"}}',
  ])('declines anything but the exact compact form: %s', (data) => {
    expect(decodeDeltaFast(data)).toBeNull();
  });

  it('reads every index from 0 to nine digits, and each delta kind', () => {
    for (const index of [0, 9, 10, 123_456_789]) expect(decodeDeltaFast(delta({ type: 'text_delta', text: 'x' }, index))).toEqual({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: 'x' } });
    expect(decodeDeltaFast(delta({ type: 'thinking_delta', thinking: 'hm' }, 1))).toEqual({ type: 'content_block_delta', index: 1, delta: { type: 'thinking_delta', thinking: 'hm' } });
    expect(decodeDeltaFast(delta({ type: 'input_json_delta', partial_json: '{"a' }, 2))).toEqual({ type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{"a' } });
  });

  it('is used by decodeEvent with the same result as the general path', () => {
    const data = delta({ type: 'text_delta', text: 'a\nb' }, 2);
    expect(decodeEvent('content_block_delta', data)).toEqual({ ok: true, event: JSON.parse(data) });
  });
});
