import { describe, it, expect } from 'vitest';
import { evaluateExpression, MAX_EXPRESSION_LENGTH } from './calc-evaluate';
import { MAX_DEPTH } from './calc-parse';
import { CALCULATOR_TOOL, runCalculator } from './calculator';

function value(expression: string): number {
  const result = evaluateExpression(expression);
  if (!result.ok) throw new Error(`expected a value for ${expression}, got error: ${result.error}`);
  return result.value;
}

function error(expression: string): string {
  const result = evaluateExpression(expression);
  if (result.ok) throw new Error(`expected an error for ${expression}, got ${result.value}`);
  return result.error;
}

describe('calculator: precedence and associativity', () => {
  it.each([
    ['2+3*4', 14],
    ['(1+2)*3', 9],
    ['10%4', 2],
    ['10 - 4 - 3', 3],
    ['100 / 10 / 5', 2],
    ['2^3^2', 512],
    ['2**3**2', 512],
    ['(2^3)^2', 64],
    ['2*3^2', 18],
    ['7 - -2', 9],
    ['+5', 5],
    ['--3', 3],
    ['2^-1', 0.5],
    ['-(3 + 4) * 2', -14],
    ['1 + 2 * 3 % 4', 3],
    ['-7 % 3', -1],
  ])('%s = %d', (expression, expected) => {
    expect(value(expression)).toBe(expected);
  });

  it('binds unary minus looser than ^, so -2^2 = -4 (as in mathematics)', () => {
    expect(value('-2^2')).toBe(-4);
    expect(value('(-2)^2')).toBe(4);
    expect(value('2^-2^2')).toBe(2 ** -4);
  });
});

describe('calculator: numbers, constants and functions', () => {
  it('reads decimals and exponents', () => {
    expect(value('1.5e3')).toBe(1500);
    expect(value('2E-2')).toBe(0.02);
    expect(value('.5 + 1.')).toBe(1.5);
    expect(value('1e+2')).toBe(100);
  });

  it('knows pi and e, case-insensitively', () => {
    expect(value('pi')).toBe(Math.PI);
    expect(value('E')).toBe(Math.E);
    expect(value('2*PI')).toBe(2 * Math.PI);
  });

  it.each([
    ['sqrt(16)', 4],
    ['abs(-3.5)', 3.5],
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(1.005, 2)', 1.01],
    ['floor(-1.5)', -2],
    ['ceil(1.2)', 2],
    ['sin(0)', 0],
    ['cos(0)', 1],
    ['tan(0)', 0],
    ['log(1000)', 3],
    ['ln(e)', 1],
    ['exp(0)', 1],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2, 10)', 10],
    ['max(4)', 4],
    ['sqrt(3^2 + 4^2)', 5],
    ['Sqrt(4)', 2],
  ])('%s = %d', (expression, expected) => {
    expect(value(expression)).toBeCloseTo(expected, 12);
  });

  it('accepts typographic operators', () => {
    expect(value('6 \u00d7 7')).toBe(42);
    expect(value('8 \u00f7 2 \u2212 1')).toBe(3);
  });
});

describe('calculator: errors are values', () => {
  it.each([
    ['1/0', /Division by zero/],
    ['0/0', /Division by zero/],
    ['5 % 0', /Modulo by zero/],
    ['0^-1', /Division by zero/],
    ['foo + 1', /Unknown name "foo" at position 1.*Known functions: sqrt/],
    ['x', /Unknown name "x"/],
    ['', /empty/],
    ['   ', /empty/],
    ['1 +', /Unexpected end of expression/],
    ['* 2', /Unexpected "\*" at position 1/],
    ['(1 + 2', /Expected "\)" to close the "\(" at position 1, found end of expression/],
    ['1 + 2)', /Unexpected "\)" at position 6 \(unbalanced parentheses\)/],
    ['2 3', /Unexpected number 3 at position 3 \(expected an operator\)/],
    ['2pi', /Unexpected "pi"/],
    ['1..2', /Unexpected number \.2/],
    ['sqrt 4', /Expected "\(" after the function name sqrt, found number 4/],
    ['sqrt()', /sqrt takes 1 argument\(s\), got 0/],
    ['sqrt(1, 2)', /sqrt takes 1 argument\(s\), got 2/],
    ['max()', /max takes at least 1 argument\(s\), got 0/],
    ['round(1.5, 0.5)', /digits must be an integer/],
    ['sqrt(-1)', /sqrt is not defined for negative numbers/],
    ['log(0)', /log is only defined for positive numbers/],
    ['ln(-1)', /ln is only defined for positive numbers/],
    ['(-8)^(1/3)', /negative number to a fractional power/],
    ['10^400', /not a finite number \(overflow\)/],
    ['exp(1000)', /exp\(1000\) is not a finite number/],
    ['1e400', /too large/],
    ['2 = 2', /Unexpected character "=" at position 3/],
    ['"1"', /Unexpected character/],
  ])('%s', (expression, message) => {
    expect(error(expression)).toMatch(message);
  });

  it('limits the input length', () => {
    const long = '1+'.repeat(MAX_EXPRESSION_LENGTH) + '1';
    expect(error(long)).toMatch(/too long/);
  });

  it('limits the nesting depth', () => {
    const deep = '('.repeat(MAX_DEPTH + 1) + '1' + ')'.repeat(MAX_DEPTH + 1);
    expect(error(deep)).toMatch(/nested too deeply/);
    expect(error('-'.repeat(MAX_DEPTH + 1) + '1')).toMatch(/nested too deeply/);
    const fine = '('.repeat(MAX_DEPTH - 2) + '1' + ')'.repeat(MAX_DEPTH - 2);
    expect(value(fine)).toBe(1);
  });
});

describe('calculator: no code execution', () => {
  it.each([
    'constructor',
    '__proto__',
    'toString()',
    'valueOf()',
    'hasOwnProperty(1)',
    'globalThis',
    'alert(1)',
    'eval(1)',
    'Function(1)',
    '1;process.exit()',
    'process.exit(1)',
    'this',
    'constructor.constructor("return 1")()',
    '[].map',
    '`1`',
    'x => 1',
    'a = 1',
    'import("x")',
    '1 // comment',
    'new Date()',
  ])('rejects %s as an error', (expression) => {
    const outcome = runCalculator(expression);
    expect(outcome.ok).toBe(false);
  });

  it('does not touch the global object', () => {
    let called = false;
    Reflect.set(globalThis, '__calculatorProbe', () => {
      called = true;
      return 1;
    });
    try {
      expect(runCalculator('__calculatorProbe()').ok).toBe(false);
      expect(runCalculator('alert(1)').ok).toBe(false);
      expect(called).toBe(false);
    } finally {
      Reflect.deleteProperty(globalThis, '__calculatorProbe');
    }
  });
});

describe('calculator tool', () => {
  it('formats results without floating-point noise', () => {
    expect(runCalculator('0.1 + 0.2')).toEqual({ ok: true, content: '0.3' });
    expect(runCalculator('-0')).toEqual({ ok: true, content: '0' });
    expect(runCalculator('2^70')).toEqual({ ok: true, content: '1.18059162071741e+21' });
  });

  it('returns errors as values', () => {
    expect(runCalculator('1/0')).toEqual({ ok: false, error: 'Division by zero: 1 / 0' });
  });

  it('has an API-shaped definition', () => {
    expect(CALCULATOR_TOOL.name).toBe('calculator');
    expect(CALCULATOR_TOOL.input_schema.type).toBe('object');
    expect(CALCULATOR_TOOL.input_schema.required).toEqual(['expression']);
  });
});
