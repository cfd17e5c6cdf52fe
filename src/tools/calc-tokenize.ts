// Tokenizer for the calculator. It accepts only numbers, identifiers,
// arithmetic operators, parentheses and commas: every other character
// (quotes, dots after identifiers, brackets, semicolons, `=`...) is rejected
// up front, so no input can ever be more than arithmetic.

export type Operator = '+' | '-' | '*' | '/' | '%' | '^';

export type Token =
  | { readonly kind: 'number'; readonly value: number; readonly pos: number; readonly text: string }
  | { readonly kind: 'identifier'; readonly name: string; readonly pos: number }
  | { readonly kind: 'operator'; readonly op: Operator; readonly pos: number }
  | { readonly kind: 'lparen'; readonly pos: number }
  | { readonly kind: 'rparen'; readonly pos: number }
  | { readonly kind: 'comma'; readonly pos: number }
  | { readonly kind: 'end'; readonly pos: number };

export type TokenizeResult =
  | { readonly ok: true; readonly tokens: readonly Token[] }
  | { readonly ok: false; readonly error: string };

// `1.`, `.5`, `1.5e3`, `2E-4`. An `e` not followed by digits is left alone, so
// `2e` is the number 2 then the identifier `e` (and then a parse error,
// since implicit multiplication is not supported).
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*/;
const WHITESPACE = /^\s+/;

// Common typographic variants Claude or users might paste.
const OPERATOR_ALIASES: ReadonlyMap<string, Operator> = new Map<string, Operator>([
  ['**', '^'],
  ['+', '+'],
  ['-', '-'],
  ['\u2212', '-'], // minus sign
  ['*', '*'],
  ['\u00d7', '*'], // multiplication sign
  ['/', '/'],
  ['\u00f7', '/'], // division sign
  ['%', '%'],
  ['^', '^'],
]);

export function tokenize(input: string): TokenizeResult {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < input.length) {
    const rest = input.slice(pos);
    const space = WHITESPACE.exec(rest);
    if (space) {
      pos += space[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), pos, text: number[0] });
      pos += number[0].length;
      continue;
    }
    const identifier = IDENTIFIER.exec(rest);
    if (identifier) {
      tokens.push({ kind: 'identifier', name: identifier[0], pos });
      pos += identifier[0].length;
      continue;
    }
    // Only a real two-character operator (`**`): at the end of the input, slice(0, 2) is one character.
    const two = rest.length >= 2 ? OPERATOR_ALIASES.get(rest.slice(0, 2)) : undefined;
    if (two !== undefined) {
      tokens.push({ kind: 'operator', op: two, pos });
      pos += 2;
      continue;
    }
    const ch = rest.charAt(0);
    const op = OPERATOR_ALIASES.get(ch);
    if (op !== undefined) tokens.push({ kind: 'operator', op, pos });
    else if (ch === '(') tokens.push({ kind: 'lparen', pos });
    else if (ch === ')') tokens.push({ kind: 'rparen', pos });
    else if (ch === ',') tokens.push({ kind: 'comma', pos });
    else return { ok: false, error: `Unexpected character ${JSON.stringify(ch)} at position ${pos + 1}` };
    pos += 1;
  }
  tokens.push({ kind: 'end', pos });
  return { ok: true, tokens };
}
