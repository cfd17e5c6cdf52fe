import { describe, expect, it } from 'vitest';
import { PartialJsonParser } from './partial-json';

function parseInPieces(text: string, size: number): PartialJsonParser[] {
  const parser = new PartialJsonParser();
  const states: PartialJsonParser[] = [];
  for (let i = 0; i < text.length; i += size) {
    parser.push(text.slice(i, i + size));
    states.push(parser);
  }
  return states;
}

const DOCS = [
  '{"location": "Paris, France", "unit": "celsius"}',
  '{"a":[1,2.5,-3e2,true,false,null],"b":{"c":"x\\"y\\\\z\\n\\u00e9\\ud83d\\ude00"},"d":[]}',
  ' [ {"k" : "v"} , [ ] , "s" , 0 ] ',
  '"just a string"',
  '{"emoji":"🎉 ünïcødé — ok","nested":{"deep":{"deeper":[[[1]]]}}}',
];

describe('PartialJsonParser', () => {
  it.each(DOCS)('ends equal to JSON.parse at any chunking: %s', (doc) => {
    for (const size of [1, 2, 3, 7, doc.length]) {
      const parser = new PartialJsonParser();
      for (let i = 0; i < doc.length; i += size) parser.push(doc.slice(i, i + size));
      expect(parser.error).toBeNull();
      expect(parser.value).toEqual(JSON.parse(doc));
    }
  });

  it('exposes growing partial values while the input streams', () => {
    const parser = new PartialJsonParser();
    const seen: string[] = [];
    for (const piece of ['', '{"loc', 'ation": "Pa', 'ris", "days": [1', ', 2', ']}']) {
      parser.push(piece);
      seen.push(JSON.stringify(parser.value));
    }
    expect(seen).toEqual([undefined, '{}', '{"location":"Pa"}', '{"location":"Paris","days":[1]}', '{"location":"Paris","days":[1,2]}', '{"location":"Paris","days":[1,2]}']);
  });

  it('reports a syntax error and ignores what follows', () => {
    const parser = new PartialJsonParser();
    parser.push('{"a": 1 x');
    expect(parser.error).toMatch(/expected/);
    parser.push('}');
    expect(parser.value).toEqual({ a: 1 });
  });

  it('rejects invalid literals and escapes', () => {
    const a = new PartialJsonParser();
    a.push('{"a": trux}');
    expect(a.error).not.toBeNull();
    const b = new PartialJsonParser();
    b.push('"bad \\q escape"');
    expect(b.error).toMatch(/escape/);
  });

  it('handles a long document in small deltas', () => {
    const doc = JSON.stringify({ rows: Array.from({ length: 2000 }, (_, i) => ({ id: i, name: `row ${i}`, ok: i % 2 === 0 })) });
    const states = parseInPieces(doc, 5);
    expect(states.at(-1)?.value).toEqual(JSON.parse(doc));
  });
});
