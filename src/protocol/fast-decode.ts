// The hot path: nearly every event of a stream is a text, thinking or tool
// input delta in the API's compact form. For exactly that form this reads
// the one string field without a general JSON.parse of the whole payload;
// anything else (padding, spaces, other fields or order) returns null and
// takes the general path, so the result is always what JSON.parse would give.
import type { StreamEvent } from './wire';

const PREFIX = '{"type":"content_block_delta","index":';
const DELTA = ',"delta":{"type":"';
const TEXT = 'text_delta","text":"';
const THINKING = 'thinking_delta","thinking":"';
const INPUT = 'input_json_delta","partial_json":"';

export function decodeDeltaFast(data: string): StreamEvent | null {
  if (!matchesAt(data, PREFIX, 0)) return null;
  const end = data.length - 3;
  // The payload must end right after the string value: `"}}` and nothing else.
  if (data.charCodeAt(end) !== 34 || data.charCodeAt(end + 1) !== 125 || data.charCodeAt(end + 2) !== 125) return null;
  let i = PREFIX.length;
  const digitsStart = i;
  let index = 0;
  for (; i < end; i++) {
    const c = data.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    index = index * 10 + c;
  }
  const digits = i - digitsStart;
  if (digits === 0 || digits > 9 || (digits > 1 && data.charCodeAt(digitsStart) === 48)) return null;
  if (!matchesAt(data, DELTA, i)) return null;
  i += DELTA.length;
  // The delta type's first two letters pick the only form it can be, so each payload is matched once.
  switch (data.charCodeAt(i) === 116 ? data.charCodeAt(i + 1) : data.charCodeAt(i)) {
    case 101: {
      if (!matchesAt(data, TEXT, i)) return null;
      const text = stringBetween(data, i + TEXT.length, end);
      return text === null ? null : { type: 'content_block_delta', index, delta: { type: 'text_delta', text } };
    }
    case 104: {
      if (!matchesAt(data, THINKING, i)) return null;
      const thinking = stringBetween(data, i + THINKING.length, end);
      return thinking === null ? null : { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking } };
    }
    case 105: {
      if (!matchesAt(data, INPUT, i)) return null;
      const partial = stringBetween(data, i + INPUT.length, end);
      return partial === null ? null : { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: partial } };
    }
    default:
      return null;
  }
}

/** The delta type that carries its piece in each joinable field. */
const DELTA_TYPES = { text: 'text_delta', thinking: 'thinking_delta', partial_json: 'input_json_delta' } as const;

/**
 * Everything before the value in the compact form of a delta to block
 * `index` whose piece is in `field`: what every later delta of a run shares.
 */
export function compactDeltaPrefix(index: number, field: keyof typeof DELTA_TYPES): string {
  return `${PREFIX}${index}${DELTA}${DELTA_TYPES[field]}","${field}":"`;
}

/**
 * The value of a delta in exactly the compact form that begins with `prefix`
 * (see compactDeltaPrefix), else null: one comparison for the delta after
 * another in a run, and no objects.
 */
export function compactDeltaValue(data: string, prefix: string): string | null {
  if (!matchesAt(data, prefix, 0)) return null;
  const end = data.length - 3;
  if (data.charCodeAt(end) !== 34 || data.charCodeAt(end + 1) !== 125 || data.charCodeAt(end + 2) !== 125) return null;
  return stringBetween(data, prefix.length, end);
}

/**
 * `startsWith` at an offset. On V8, `indexOf` compares a short literal several
 * times faster than `startsWith` or a char-code loop (measured by
 * bench:protocol); a miss costs at most one scan of the rest of the payload.
 */
function matchesAt(data: string, literal: string, at: number): boolean {
  return data.indexOf(literal, at) === at;
}

/**
 * The value of the JSON string literal whose body spans [start, end), or null
 * when that span is not exactly one string literal's body.
 */
function stringBetween(data: string, start: number, end: number): string | null {
  if (start > end) return null;
  let plain = true;
  for (let i = start; i < end; i++) {
    const c = data.charCodeAt(i);
    // A quote, a backslash or a control character: not a plain body.
    if (c === 34 || c === 92 || c < 0x20) {
      plain = false;
      break;
    }
  }
  if (plain) return data.slice(start, end);
  // Escapes (or an embedded quote, which makes it not one literal): JSON.parse decides, on the literal only.
  try {
    // Quote to quote, so what parses is a string.
    return String(JSON.parse(data.slice(start - 1, end + 1)));
  } catch {
    return null;
  }
}
