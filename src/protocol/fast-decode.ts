// The hot path: nearly every event of a stream is a text, thinking or tool
// input delta in the API's compact form. For exactly that form this reads
// the one string field without a general JSON.parse of the whole payload;
// anything else (padding, spaces, other fields or order) returns null and
// takes the general path, so the result is always what JSON.parse would give.
import type { StreamEvent } from './wire';

const PREFIX = '{"type":"content_block_delta","index":';
type FastDelta = 'text_delta' | 'thinking_delta' | 'input_json_delta';
const FIELDS: Readonly<Record<FastDelta, string>> = { text_delta: 'text', thinking_delta: 'thinking', input_json_delta: 'partial_json' };
const MIDDLES = (Object.keys(FIELDS) as FastDelta[]).map((type) => [type, `,"delta":{"type":"${type}","${FIELDS[type]}":"`] as const);

export function decodeDeltaFast(data: string): StreamEvent | null {
  if (!data.startsWith(PREFIX)) return null;
  let i = PREFIX.length;
  let index = 0;
  const digitsStart = i;
  for (; i < data.length; i++) {
    const c = data.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    index = index * 10 + c;
  }
  if (i === digitsStart || i - digitsStart > 9 || (data.charCodeAt(digitsStart) === 48 && i - digitsStart > 1)) return null;
  for (const [type, middle] of MIDDLES) {
    if (!data.startsWith(middle, i)) continue;
    const valueStart = i + middle.length;
    const text = readJsonString(data, valueStart);
    if (text === null) return null;
    if (!isClosedBy(data, text.end)) return null;
    return { type: 'content_block_delta', index, delta: { type, [FIELDS[type]]: text.value } } as StreamEvent;
  }
  return null;
}

/** Reads a JSON string body starting after its opening quote. Escapes are decoded by JSON.parse on the literal only. */
function readJsonString(data: string, start: number): { value: string; end: number } | null {
  let i = start;
  let escaped = false;
  for (;;) {
    const quote = data.indexOf('"', i);
    if (quote === -1) return null;
    const backslash = data.indexOf('\\', i);
    if (backslash !== -1 && backslash < quote) {
      escaped = true;
      i = backslash + 2;
      continue;
    }
    if (!escaped) {
      const raw = data.slice(start, quote);
      // Control characters must be escaped in JSON: leave such input to the general parser.
      for (let k = 0; k < raw.length; k++) if (raw.charCodeAt(k) < 0x20) return null;
      return { value: raw, end: quote + 1 };
    }
    try {
      return { value: JSON.parse(data.slice(start - 1, quote + 1)) as string, end: quote + 1 };
    } catch {
      return null;
    }
  }
}

/** The payload must end right after the string: `}}` and nothing else. */
function isClosedBy(data: string, at: number): boolean {
  return data.length === at + 2 && data.charCodeAt(at) === 125 && data.charCodeAt(at + 1) === 125;
}
