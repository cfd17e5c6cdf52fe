// Recursive-descent parser for the calculator. Grammar, loosest first:
//
//   expression := term (('+' | '-') term)*
//   term       := unary (('*' | '/' | '%') unary)*
//   unary      := ('-' | '+') unary | power
//   power      := primary ('^' unary)?
//   primary    := number | constant | function '(' expression (',' expression)* ')' | '(' expression ')'
//
// Unary minus binds looser than `^`, so -2^2 = -(2^2) = -4 as in mathematics
// (and Python), while 2^-2 still works because the exponent is a `unary`.
// `^` is right-associative: 2^3^2 = 2^(3^2) = 512.
//
// Identifiers are resolved here, against fixed tables, so the tree that
// comes out can only contain numbers, known constants and known functions.

import { assertNever } from '../protocol';
import { CONSTANTS, FUNCTIONS, VOCABULARY_HINT } from './calc-functions';
import type { Operator, Token } from './calc-tokenize';

export type BinaryOperator = Operator;

export type Node =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'negate'; readonly operand: Node }
  | { readonly kind: 'binary'; readonly op: BinaryOperator; readonly left: Node; readonly right: Node }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Node[] };

export type ParseResult = { readonly ok: true; readonly tree: Node } | { readonly ok: false; readonly error: string };

/** Deepest nesting of parentheses, unary signs and powers; keeps recursion far from the stack limit. */
export const MAX_DEPTH = 64;

// Internal control flow only: thrown by the parser and caught in `parse`, so
// the module's API still returns errors as values.
class ParseError extends Error {}

export function parse(tokens: readonly Token[]): ParseResult {
  const parser = new Parser(tokens);
  try {
    return { ok: true, tree: parser.parseAll() };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error: error.message };
    throw error;
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'number':
      return `number ${token.text}`;
    case 'identifier':
      return `"${token.name}"`;
    case 'operator':
      return `"${token.op}"`;
    case 'lparen':
      return '"("';
    case 'rparen':
      return '")"';
    case 'comma':
      return '","';
    case 'end':
      return 'end of expression';
    default:
      return assertNever(token);
  }
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseAll(): Node {
    if (this.peek().kind === 'end') throw new ParseError('The expression is empty');
    const tree = this.expression();
    const next = this.peek();
    if (next.kind !== 'end') {
      const hint = next.kind === 'rparen' ? ' (unbalanced parentheses)' : ' (expected an operator)';
      throw new ParseError(`Unexpected ${describe(next)} at position ${next.pos + 1}${hint}`);
    }
    return tree;
  }

  private peek(): Token {
    // The tokenizer always ends the list with an `end` token, and `next`
    // never moves past it, so this fallback is never used.
    return this.tokens[this.index] ?? { kind: 'end', pos: 0 };
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private isOperator(...ops: readonly Operator[]): Operator | null {
    const token = this.peek();
    return token.kind === 'operator' && ops.includes(token.op) ? token.op : null;
  }

  private expression(): Node {
    let left = this.term();
    for (let op = this.isOperator('+', '-'); op !== null; op = this.isOperator('+', '-')) {
      this.next();
      left = { kind: 'binary', op, left, right: this.term() };
    }
    return left;
  }

  private term(): Node {
    let left = this.unary();
    for (let op = this.isOperator('*', '/', '%'); op !== null; op = this.isOperator('*', '/', '%')) {
      this.next();
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Node {
    // Every recursive path goes through here, so this is where depth is bounded.
    if (++this.depth > MAX_DEPTH) throw new ParseError(`The expression is nested too deeply (limit ${MAX_DEPTH})`);
    const sign = this.isOperator('+', '-');
    let node: Node;
    if (sign !== null) {
      this.next();
      const operand = this.unary();
      node = sign === '-' ? { kind: 'negate', operand } : operand;
    } else {
      node = this.power();
    }
    this.depth--;
    return node;
  }

  private power(): Node {
    const base = this.primary();
    if (this.isOperator('^') === null) return base;
    this.next();
    return { kind: 'binary', op: '^', left: base, right: this.unary() };
  }

  private primary(): Node {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        if (!Number.isFinite(token.value)) throw new ParseError(`The number ${token.text} is too large`);
        return { kind: 'number', value: token.value };
      case 'identifier':
        return this.identifier(token.name, token.pos);
      case 'lparen': {
        const inner = this.expression();
        this.expect('rparen', `")" to close the "(" at position ${token.pos + 1}`);
        return inner;
      }
      case 'operator':
      case 'rparen':
      case 'comma':
      case 'end':
        throw new ParseError(`Unexpected ${describe(token)} at position ${token.pos + 1} (expected a number, constant, function or "(")`);
      default:
        return assertNever(token);
    }
  }

  private identifier(raw: string, pos: number): Node {
    const name = raw.toLowerCase();
    const constant = CONSTANTS.get(name);
    if (constant !== undefined) return { kind: 'number', value: constant };
    const fn = FUNCTIONS.get(name);
    if (fn === undefined) throw new ParseError(`Unknown name "${raw}" at position ${pos + 1}. ${VOCABULARY_HINT}`);
    this.expect('lparen', `"(" after the function name ${name}`);
    const args: Node[] = this.peek().kind === 'rparen' ? [] : [this.expression()];
    while (this.peek().kind === 'comma') {
      this.next();
      args.push(this.expression());
    }
    this.expect('rparen', `")" to close the call to ${name} at position ${pos + 1}`);
    if (args.length < fn.minArgs || args.length > fn.maxArgs) {
      const expected =
        fn.maxArgs === Number.POSITIVE_INFINITY ? `at least ${fn.minArgs}` : fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
      throw new ParseError(`${name} takes ${expected} argument(s), got ${args.length}`);
    }
    return { kind: 'call', name, args };
  }

  private expect(kind: 'lparen' | 'rparen', what: string): void {
    const token = this.next();
    if (token.kind !== kind) throw new ParseError(`Expected ${what}, found ${describe(token)} at position ${token.pos + 1}`);
  }
}
