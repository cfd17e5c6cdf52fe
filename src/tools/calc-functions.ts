// The calculator's whole vocabulary. Lookups go through Maps (never plain
// objects) so names like `constructor`, `__proto__` or `toString` cannot
// resolve to something inherited from Object.prototype.

export const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);

/** A function's result, or a domain error message (e.g. the square root of a negative number). */
export type FunctionResult = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

export interface CalcFunction {
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
  readonly apply: (args: readonly number[]) => FunctionResult;
}

const value = (v: number): FunctionResult => ({ ok: true, value: v });
const domainError = (error: string): FunctionResult => ({ ok: false, error });

function unary(fn: (x: number) => number, domain?: (x: number) => string | null): CalcFunction {
  return {
    minArgs: 1,
    maxArgs: 1,
    apply: ([x = Number.NaN]) => {
      const problem = domain?.(x) ?? null;
      return problem === null ? value(fn(x)) : domainError(problem);
    },
  };
}

function variadic(fn: (...xs: number[]) => number): CalcFunction {
  return { minArgs: 1, maxArgs: Number.POSITIVE_INFINITY, apply: (args) => value(fn(...args)) };
}

const positive = (name: string) => (x: number) =>
  x > 0 ? null : `${name} is only defined for positive numbers (got ${x})`;

// Halves round away from zero (round(-2.5) = -3), as people expect, unlike
// Math.round. Scaling through exponent notation avoids 1.005 * 100 giving
// 100.49999...; numbers already printed in exponent form are scaled directly.
function roundHalfUp(x: number, digits: number): number {
  // An integer is already rounded; scaling a large one (1e21 * 100) would only add error.
  if (Number.isInteger(x)) return x;
  const text = String(x);
  if (text.includes('e')) return Math.round(x * 10 ** digits) / 10 ** digits;
  return Number(`${Math.round(Number(`${text}e${digits}`))}e-${digits}`);
}

// round(x) rounds to an integer; round(x, digits) to that many decimals,
// because "round to 2 decimals" is the most common reason to call it.
const round: CalcFunction = {
  minArgs: 1,
  maxArgs: 2,
  apply: ([x = Number.NaN, digits = 0]) => {
    if (!Number.isInteger(digits) || digits < 0 || digits > 15) {
      return domainError(`round: digits must be an integer from 0 to 15 (got ${digits})`);
    }
    return value(Math.sign(x) * roundHalfUp(Math.abs(x), digits));
  },
};

export const FUNCTIONS: ReadonlyMap<string, CalcFunction> = new Map([
  ['sqrt', unary(Math.sqrt, (x) => (x >= 0 ? null : `sqrt is not defined for negative numbers (got ${x})`))],
  ['abs', unary(Math.abs)],
  ['round', round],
  ['floor', unary(Math.floor)],
  ['ceil', unary(Math.ceil)],
  ['sin', unary(Math.sin)],
  ['cos', unary(Math.cos)],
  ['tan', unary(Math.tan)],
  ['log', unary(Math.log10, positive('log'))],
  ['ln', unary(Math.log, positive('ln'))],
  ['exp', unary(Math.exp)],
  ['min', variadic(Math.min)],
  ['max', variadic(Math.max)],
]);

export const VOCABULARY_HINT = `Known constants: ${[...CONSTANTS.keys()].join(', ')}. Known functions: ${[...FUNCTIONS.keys()].join(', ')}.`;
