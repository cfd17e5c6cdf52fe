// The calculator's definition is what Claude reads to decide how to call it:
// every claim it makes must hold for the evaluator, and everything the
// evaluator knows must be in it.
import { describe, expect, it } from 'vitest';
import { evaluateExpression, MAX_EXPRESSION_LENGTH } from './calc-evaluate';
import { CONSTANTS, FUNCTIONS } from './calc-functions';
import { CALCULATOR_TOOL, runCalculator } from './calculator';

const description = CALCULATOR_TOOL.description ?? '';
const expressionField = (CALCULATOR_TOOL.input_schema.properties as Record<string, { type: string; description: string; maxLength: number } | undefined>).expression ?? {
  type: 'missing',
  description: '',
  maxLength: 0,
};
const valueOf = (expression: string) => {
  const result = evaluateExpression(expression);
  return result.ok ? result.value : result.error;
};

describe("the calculator's definition", () => {
  it('names every function and constant the evaluator knows', () => {
    for (const name of [...FUNCTIONS.keys(), ...CONSTANTS.keys()]) expect(description, name).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('says what it is for and how errors come back', () => {
    expect(description).toMatch(/^Evaluates an arithmetic expression exactly as written and returns the numeric result\. /);
    expect(description).toContain('Use it for any calculation instead of doing arithmetic in your head.');
    expect(description).toMatch(/Errors such as division by zero are returned as an error message\.$/);
    expect(runCalculator('1/0').ok).toBe(false);
  });

  it('makes only claims the evaluator keeps: numbers, operators, precedence, round and min/max', () => {
    expect(description).toContain('Supports numbers (3, 2.5, .5, 1.5e3)');
    expect([valueOf('3'), valueOf('2.5'), valueOf('.5'), valueOf('1.5e3')]).toEqual([3, 2.5, 0.5, 1500]);
    expect(description).toContain('operators + - * / % (remainder) and ^ (power, right-associative; ** also works)');
    expect([valueOf('7 % 3'), valueOf('2^3^2'), valueOf('2**3')]).toEqual([1, 512, 8]);
    expect(description).toContain('unary minus (-2^2 is -(2^2) = -4; write (-2)^2 for 4), parentheses, the constants pi and e');
    expect([valueOf('-2^2'), valueOf('(-2)^2')]).toEqual([-4, 4]);
    expect(description).toContain('round (round(x) or round(x, decimals))');
    expect([valueOf('round(2.5)'), valueOf('round(3.14159, 2)')]).toEqual([3, 3.14]);
    expect(description).toContain('tan (radians)');
    expect(valueOf('sin(pi / 2)')).toBe(1);
    expect(description).toContain('log (base 10), ln (natural log), exp, min and max (any number of arguments)');
    expect([valueOf('log(1000)'), valueOf('ln(e)'), valueOf('max(1, 9, 4, 2)'), valueOf('min(5, 2, 8)')]).toEqual([3, 1, 9, 2]);
  });

  it('says what is not supported, and the evaluator refuses it', () => {
    expect(description).toContain('Variables, assignments, units, implicit multiplication (write 2*pi, not 2pi) and anything other than arithmetic are not supported.');
    for (const unsupported of ['2pi', 'x = 2', '3 km', 'y + 1']) expect(evaluateExpression(unsupported).ok, unsupported).toBe(false);
    expect(valueOf('2*pi')).toBeCloseTo(2 * Math.PI);
  });

  it("describes the one input with examples that evaluate, and caps its length at the evaluator's limit", () => {
    expect(expressionField.type).toBe('string');
    expect(expressionField.maxLength).toBe(MAX_EXPRESSION_LENGTH);
    const examples = [...expressionField.description.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(examples).toEqual(['(1 + 2) * 3', 'sqrt(2) / 2', 'round(100 * 1.0825 ^ 5, 2)']);
    expect(examples.map(valueOf)).toEqual([9, Math.SQRT2 / 2, 148.64]);
    expect(expressionField.description).toMatch(/^The arithmetic expression to evaluate, e\.g\. /);
    expect(CALCULATOR_TOOL.input_schema.additionalProperties).toBe(false);
  });
});
