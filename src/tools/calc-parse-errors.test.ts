// The calculator's parse errors, each with the token and position it names.
import { describe, expect, it } from 'vitest';
import { evaluateExpression } from './calc-evaluate';
import { MAX_DEPTH } from './calc-parse';

const error = (expression: string) => {
  const result = evaluateExpression(expression);
  return result.ok ? `value ${result.value}` : result.error;
};

describe('parse errors', () => {
  it.each([
    ['1 +', 'Unexpected end of expression at position 4 (expected a number, constant, function or "(")'],
    ['1+', 'Unexpected end of expression at position 3 (expected a number, constant, function or "(")'],
    ['2 ** 3 **', 'Unexpected end of expression at position 10 (expected a number, constant, function or "(")'],
    ['* 2', 'Unexpected "*" at position 1 (expected a number, constant, function or "(")'],
    ['1 + )', 'Unexpected ")" at position 5 (expected a number, constant, function or "(")'],
    ['max(,1)', 'Unexpected "," at position 5 (expected a number, constant, function or "(")'],
    ['(1 + 2', 'Expected ")" to close the "(" at position 1, found end of expression at position 7'],
    ['sqrt 4', 'Expected "(" after the function name sqrt, found number 4 at position 6'],
    ['sqrt + 4', 'Expected "(" after the function name sqrt, found "+" at position 6'],
    ['abs(1 2)', 'Expected ")" to close the call to abs at position 1, found number 2 at position 7'],
    ['abs(1 (', 'Expected ")" to close the call to abs at position 1, found "(" at position 7'],
    ['abs(1, 2)', 'abs takes 1 argument(s), got 2'],
    ['abs()', 'abs takes 1 argument(s), got 0'],
    ['round(1, 2, 3)', 'round takes 1 to 2 argument(s), got 3'],
    ['max()', 'max takes at least 1 argument(s), got 0'],
    ['1 + (2 * pi', 'Expected ")" to close the "(" at position 5, found end of expression at position 12'],
  ])('%s: %s', (expression, message) => {
    expect(error(expression)).toBe(message);
  });

  it('wants an operator between two values (no implicit multiplication)', () => {
    expect(error('1 2')).toBe('Unexpected number 2 at position 3 (expected an operator)');
  });

  it('reads + and - at one level and * / % at the next, left to right', () => {
    expect(error('10 - 4 - 3')).toBe('value 3');
    expect(error('2 + 3 * 4')).toBe('value 14');
    expect(error('20 / 5 / 2')).toBe('value 2');
    expect(error('20 % 6 * 2')).toBe('value 4');
    expect(error('PI')).toBe(`value ${Math.PI}`);
    expect(error('MAX(1, 2)')).toBe('value 2');
  });

  it(`allows nesting up to ${MAX_DEPTH} levels and not one more`, () => {
    const nested = (depth: number) => `${'('.repeat(depth)}1${')'.repeat(depth)}`;
    expect(error(nested(MAX_DEPTH - 1))).toBe('value 1');
    expect(error(nested(MAX_DEPTH + 1))).toMatch(/nested too deeply/);
    // Depth is counted down again on the way out: many shallow groups in a row are fine.
    expect(error(Array.from({ length: MAX_DEPTH + 5 }, () => '(1)').join('+'))).toBe(`value ${MAX_DEPTH + 5}`);
  });
});
