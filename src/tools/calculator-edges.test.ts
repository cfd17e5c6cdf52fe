// The calculator's edges: each error message, the order errors are found in,
// rounding and its limits, and what the registry does with tool input.
import { describe, expect, it } from 'vitest';
import { evaluateExpression, MAX_EXPRESSION_LENGTH } from './calc-evaluate';
import { jsonTypeOf, formatNumber } from './outcome';
import { runBuiltinTool } from './registry';

const result = (expression: string) => evaluateExpression(expression);

describe('evaluateExpression errors', () => {
  it('reports the first error, left before right, arguments in order', () => {
    expect(result('sqrt(-1) + 1/0')).toEqual({ ok: false, error: 'sqrt is not defined for negative numbers (got -1)' });
    expect(result('1 + (1/0)')).toEqual({ ok: false, error: 'Division by zero: 1 / 0' });
    expect(result('max(1/0, sqrt(-4))')).toEqual({ ok: false, error: 'Division by zero: 1 / 0' });
    expect(result('-(1/0)')).toEqual({ ok: false, error: 'Division by zero: 1 / 0' });
    expect(result('7 % 0')).toEqual({ ok: false, error: 'Modulo by zero: 7 % 0' });
  });

  it('explains results that are not finite, naming the operation', () => {
    expect(result('10 ^ 400')).toEqual({ ok: false, error: 'The result of 10 ^ 400 is not a finite number (overflow)' });
    expect(result('exp(1000)')).toEqual({ ok: false, error: 'The result of exp(1000) is not a finite number (overflow)' });
    expect(result('max(1e308, 1e308) * 10')).toEqual({ ok: false, error: 'The result of 1e+308 * 10 is not a finite number (overflow)' });
  });

  it('powers: 0 to a negative power is a division by zero, a negative base takes integer powers only', () => {
    expect(result('0 ^ -1')).toEqual({ ok: false, error: 'Division by zero: 0 ^ -1' });
    expect(result('0 ^ 0')).toEqual({ ok: true, value: 1 });
    expect(result('0 ^ 2')).toEqual({ ok: true, value: 0 });
    expect(result('(-8) ^ 0.5')).toEqual({ ok: false, error: 'A negative number to a fractional power is not a real number: -8 ^ 0.5' });
    expect(result('(-2) ^ 3')).toEqual({ ok: true, value: -8 });
    expect(result('0 ^ 0.5')).toEqual({ ok: true, value: 0 });
    expect(result('2 ^ -1')).toEqual({ ok: true, value: 0.5 });
  });

  it('accepts an expression of exactly the maximum length', () => {
    const longest = `1${'+1'.repeat((MAX_EXPRESSION_LENGTH - 1) / 2)}`;
    expect(longest.length).toBe(MAX_EXPRESSION_LENGTH - (MAX_EXPRESSION_LENGTH % 2 === 0 ? 1 : 0));
    const exact = longest.length === MAX_EXPRESSION_LENGTH ? longest : `${longest} `;
    expect(exact.length).toBe(MAX_EXPRESSION_LENGTH);
    expect(result(exact).ok).toBe(true);
    expect(result(`${exact} `).ok).toBe(false);
  });

  it('names the known constants and functions when it meets an unknown name', () => {
    expect(result('foo(1)')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Known constants: pi, e. Known functions: sqrt, abs, round, floor, ceil, sin, cos, tan, log, ln, exp, min, max.'),
    });
  });
});

describe('calculator functions at their edges', () => {
  it('sqrt(0) is 0; log and ln need positive numbers', () => {
    expect(result('sqrt(0)')).toEqual({ ok: true, value: 0 });
    expect(result('log(0)')).toEqual({ ok: false, error: 'log is only defined for positive numbers (got 0)' });
    expect(result('ln(-1)')).toEqual({ ok: false, error: 'ln is only defined for positive numbers (got -1)' });
  });

  it('round takes 0 to 15 whole digits, rounds halves away from zero, and handles numbers printed with an exponent', () => {
    expect(result('round(1.005, 2)')).toEqual({ ok: true, value: 1.01 });
    expect(result('round(-2.5)')).toEqual({ ok: true, value: -3 });
    expect(result('round(1.23456789, 15)')).toEqual({ ok: true, value: 1.23456789 });
    expect(result('round(1, 16)')).toEqual({ ok: false, error: 'round: digits must be an integer from 0 to 15 (got 16)' });
    expect(result('round(1, -1)')).toEqual({ ok: false, error: 'round: digits must be an integer from 0 to 15 (got -1)' });
    expect(result('round(1, 1.5)')).toEqual({ ok: false, error: 'round: digits must be an integer from 0 to 15 (got 1.5)' });
    expect(result('round(1.5e-7, 7)')).toEqual({ ok: true, value: 2e-7 });
    expect(result('round(1.4e-7, 7)')).toEqual({ ok: true, value: 1e-7 });
    expect(result('round(1e21, 2)')).toEqual({ ok: true, value: 1e21 });
  });
});

describe('outcome helpers', () => {
  it('names JSON types as a schema would', () => {
    expect([jsonTypeOf(1), jsonTypeOf(1.5), jsonTypeOf('1'), jsonTypeOf(null), jsonTypeOf([]), jsonTypeOf({}), jsonTypeOf(true)]).toEqual([
      'integer',
      'number',
      'string',
      'null',
      'array',
      'object',
      'boolean',
    ]);
  });

  it('prints -0 as 0 and keeps 15 significant digits', () => {
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-1.5)).toBe('-1.5');
  });
});

describe('runBuiltinTool', () => {
  const context = { now: new Date('2026-12-07T12:00:00Z') };

  it('runs each tool on its checked input', () => {
    expect(runBuiltinTool('calculator', { expression: '6 * 7' }, context)).toEqual({ ok: true, content: '42' });
    expect(runBuiltinTool('convert_units', { value: 1, from: 'km', to: 'm' }, context)).toEqual({ ok: true, content: '1 km = 1000 m' });
    expect(runBuiltinTool('get_current_time', { time_zone: 'UTC' }, context)).toMatchObject({ ok: true, content: expect.stringContaining('2026-12-07') });
  });

  it('refuses input that does not fit the schema before running anything', () => {
    expect(runBuiltinTool('convert_units', { value: '1', from: 'km', to: 'm' }, context)).toEqual({
      ok: false,
      error: 'Invalid input: "value" must be a number, got string. Accepted properties: value, from, to',
    });
    expect(runBuiltinTool('calculator', {}, context)).toEqual({ ok: false, error: 'Invalid input: "expression" is required. Accepted properties: expression' });
  });
});

describe('runBuiltinTool when a tool throws', () => {
  it('turns the exception into an error result instead of breaking the loop', () => {
    const brokenClock = { getTime: () => { throw new Error('clock broke'); } } as unknown as Date;
    expect(runBuiltinTool('get_current_time', {}, { now: brokenClock })).toEqual({ ok: false, error: 'The get_current_time tool failed unexpectedly: clock broke' });
    const weirdClock = { getTime: () => { throw 'no clock'; } } as unknown as Date;
    expect(runBuiltinTool('get_current_time', {}, { now: weirdClock })).toEqual({ ok: false, error: 'The get_current_time tool failed unexpectedly: no clock' });
  });
});
