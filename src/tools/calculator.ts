// The `calculator` built-in tool: its API definition and its runner.

import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import { evaluateExpression, MAX_EXPRESSION_LENGTH } from './calc-evaluate';
import { failure, formatNumber, success, type ToolOutcome } from './outcome';

export const CALCULATOR_TOOL: Tool = {
  name: 'calculator',
  description:
    'Evaluates an arithmetic expression exactly as written and returns the numeric result. ' +
    'Use it for any calculation instead of doing arithmetic in your head. ' +
    'Supports numbers (3, 2.5, .5, 1.5e3), operators + - * / % (remainder) and ^ (power, right-associative; ** also works), ' +
    'unary minus (-2^2 is -(2^2) = -4; write (-2)^2 for 4), parentheses, the constants pi and e, ' +
    'and the functions sqrt, abs, round (round(x) or round(x, decimals)), floor, ceil, sin, cos, tan (radians), ' +
    'log (base 10), ln (natural log), exp, min and max (any number of arguments). ' +
    'Variables, assignments, units, implicit multiplication (write 2*pi, not 2pi) and anything other than arithmetic are not supported. ' +
    'Errors such as division by zero are returned as an error message.',
  input_schema: {
    type: 'object',
    properties: {
      expression: {
        type: 'string',
        description: 'The arithmetic expression to evaluate, e.g. "(1 + 2) * 3", "sqrt(2) / 2" or "round(100 * 1.0825 ^ 5, 2)".',
        maxLength: MAX_EXPRESSION_LENGTH,
      },
    },
    required: ['expression'],
    additionalProperties: false,
  },
};

export function runCalculator(expression: string): ToolOutcome {
  const result = evaluateExpression(expression);
  return result.ok ? success(formatNumber(result.value)) : failure(result.error);
}
