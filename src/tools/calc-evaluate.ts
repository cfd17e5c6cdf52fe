// Evaluates a parsed calculator tree. Every intermediate result is checked,
// so an error names the operation that failed (division by zero, overflow in
// a power...) instead of surfacing as a bare NaN or Infinity at the end.

import { assertNever } from '../protocol';
import { FUNCTIONS } from './calc-functions';
import { parse, type BinaryOperator, type Node } from './calc-parse';
import { tokenize } from './calc-tokenize';
import { formatNumber } from './outcome';

export type EvaluationResult = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

/** Longest accepted expression; a bound on work per call alongside the parser's depth limit. */
export const MAX_EXPRESSION_LENGTH = 1000;

const ok = (value: number): EvaluationResult => ({ ok: true, value });
const fail = (error: string): EvaluationResult => ({ ok: false, error });

/** Tokenizes, parses and evaluates an arithmetic expression. Never throws; never executes code. */
export function evaluateExpression(expression: string): EvaluationResult {
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    return fail(`The expression is too long (${expression.length} characters; the limit is ${MAX_EXPRESSION_LENGTH})`);
  }
  const tokens = tokenize(expression);
  if (!tokens.ok) return tokens;
  const parsed = parse(tokens.tokens);
  if (!parsed.ok) return parsed;
  return evaluate(parsed.tree);
}

export function evaluate(node: Node): EvaluationResult {
  switch (node.kind) {
    case 'number':
      return ok(node.value);
    case 'negate': {
      const operand = evaluate(node.operand);
      return operand.ok ? ok(-operand.value) : operand;
    }
    case 'binary': {
      const left = evaluate(node.left);
      if (!left.ok) return left;
      const right = evaluate(node.right);
      if (!right.ok) return right;
      return finite(applyBinary(node.op, left.value, right.value), `${formatNumber(left.value)} ${node.op} ${formatNumber(right.value)}`);
    }
    case 'call': {
      const args: number[] = [];
      for (const arg of node.args) {
        const result = evaluate(arg);
        if (!result.ok) return result;
        args.push(result.value);
      }
      const fn = FUNCTIONS.get(node.name);
      // The parser only builds calls to known functions.
      if (fn === undefined) return fail(`Unknown function "${node.name}"`);
      const result = fn.apply(args);
      if (!result.ok) return result;
      return finite(ok(result.value), `${node.name}(${args.map(formatNumber).join(', ')})`);
    }
    default:
      return assertNever(node);
  }
}

function applyBinary(op: BinaryOperator, a: number, b: number): EvaluationResult {
  switch (op) {
    case '+':
      return ok(a + b);
    case '-':
      return ok(a - b);
    case '*':
      return ok(a * b);
    case '/':
      return b === 0 ? fail(`Division by zero: ${formatNumber(a)} / 0`) : ok(a / b);
    case '%':
      // JavaScript remainder: the result takes the sign of the dividend (-7 % 3 = -1).
      return b === 0 ? fail(`Modulo by zero: ${formatNumber(a)} % 0`) : ok(a % b);
    case '^':
      if (a === 0 && b < 0) return fail(`Division by zero: 0 ^ ${formatNumber(b)}`);
      if (a < 0 && !Number.isInteger(b)) {
        return fail(`A negative number to a fractional power is not a real number: ${formatNumber(a)} ^ ${formatNumber(b)}`);
      }
      return ok(a ** b);
    default:
      return assertNever(op);
  }
}

function finite(result: EvaluationResult, what: string): EvaluationResult {
  if (!result.ok || Number.isFinite(result.value)) return result;
  return fail(`The result of ${what} is not a finite number (${Number.isNaN(result.value) ? 'undefined' : 'overflow'})`);
}
