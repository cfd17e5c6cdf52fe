// The parser's error messages and its partial states, one rule at a time.
import { describe, expect, it } from 'vitest';
import { PartialJsonParser } from './partial-json';

const parse = (...chunks: string[]) => {
  const parser = new PartialJsonParser();
  for (const chunk of chunks) parser.push(chunk);
  return parser;
};

describe('PartialJsonParser errors', () => {
  it.each([
    ['{"a": 1 x', 'expected "," or "}", got "x"'],
    ['[1 2', 'expected "," or "]", got "2"'],
    ['{1', 'expected a key, got "1"'],
    ['{"a",', 'expected ":", got ","'],
    ['{"a":1,}', 'expected a key, got "}"'],
    ['{"a": trux}', 'unexpected literal "trux"'],
    ['{"a": tr}', 'unexpected literal "tr"'],
    ['[nul]', 'unexpected literal "nul"'],
    ['[1-]', 'invalid number "1-"'],
    ['[1e]', 'invalid number "1e"'],
    ['[-]', 'invalid number "-"'],
    ['{"a": @}', 'unexpected "@"'],
    ['1 2', 'unexpected "2" after the value'],
    ['{} {', 'unexpected "{" after the value'],
    ['"bad \\q"', 'invalid escape \\q'],
    ['"bad \\u12g4"', 'invalid escape \\u12g'],
    ['"bad \\u12345"', ''],
  ])('%s: %s', (doc, message) => {
    if (message === '') {
      // Four hex digits and then a plain 5: valid.
      expect(parse(doc).error).toBeNull();
      expect(parse(doc).value).toBe('bad \u12345');
      return;
    }
    expect(parse(doc).error).toBe(message);
  });

  it('ignores everything after the first error', () => {
    const parser = parse('[1, x', ', 2]');
    expect(parser.error).toBe('unexpected "x"');
    expect(parser.value).toEqual([1]);
  });

  it('accepts whitespace anywhere between tokens, and an empty object or array', () => {
    expect(parse(' \t\n\r{ "a" \n: [ ] ,"b":{ } } \n').value).toEqual({ a: [], b: {} });
    expect(parse('{}').error).toBeNull();
  });
});

describe('PartialJsonParser partial values', () => {
  it('shows a number as it grows, but not a lone minus sign', () => {
    const parser = new PartialJsonParser();
    parser.push('[-');
    expect(parser.value).toEqual([]);
    parser.push('1');
    expect(parser.value).toEqual([-1]);
    parser.push('2.');
    expect(parser.value).toEqual([-12]);
    parser.push('5');
    expect(parser.value).toEqual([-12.5]);
  });

  it('shows a literal only once it is complete', () => {
    const parser = new PartialJsonParser();
    parser.push('[tr');
    expect(parser.value).toEqual([]);
    parser.push('ue, fa');
    expect(parser.value).toEqual([true]);
    parser.push('lse, n');
    expect(parser.value).toEqual([true, false]);
    parser.push('ull');
    expect(parser.value).toEqual([true, false, null]);
  });

  it('grows a string in place in its array slot, then moves on to the next', () => {
    const parser = new PartialJsonParser();
    parser.push('["ab');
    expect(parser.value).toEqual(['ab']);
    parser.push('c", "d');
    expect(parser.value).toEqual(['abc', 'd']);
    parser.push('e"]');
    expect(parser.value).toEqual(['abc', 'de']);
  });

  it('shows an empty string as soon as it opens, and a key only once its name is complete', () => {
    const parser = new PartialJsonParser();
    parser.push('{"na');
    expect(parser.value).toEqual({});
    parser.push('me": "');
    expect(parser.value).toEqual({ name: '' });
  });

  it('decodes every escape, split anywhere', () => {
    const doc = '"\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u00E9"';
    for (let cut = 1; cut < doc.length; cut++) {
      const parser = parse(doc.slice(0, cut), doc.slice(cut));
      expect(parser.error).toBeNull();
      expect(parser.value).toBe('" \\ / \b \f \n \r \t é é');
    }
  });

  it('keeps nested containers open until they close', () => {
    const parser = new PartialJsonParser();
    parser.push('{"a": [{"b": [1');
    expect(parser.value).toEqual({ a: [{ b: [1] }] });
    parser.push(']}, 2], "c": 3}');
    expect(parser.value).toEqual({ a: [{ b: [1] }, 2], c: 3 });
    expect(parser.error).toBeNull();
  });
});
