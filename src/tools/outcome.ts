// Shared result types for the built-in tools. Failures are values, never
// exceptions: the agent loop turns an `ok: false` outcome into a
// `tool_result` block with `is_error: true`, so Claude can read the message
// and correct its call instead of the loop crashing.

export type ToolOutcome =
  | { readonly ok: true; readonly content: string }
  | { readonly ok: false; readonly error: string };

/** What a built-in tool may depend on besides its input; the clock is injected so runs are reproducible. */
export interface ToolContext {
  readonly now: Date;
}

export function success(content: string): ToolOutcome {
  return { ok: true, content };
}

export function failure(error: string): ToolOutcome {
  return { ok: false, error };
}

/** Readable name of a JSON value's type, for error messages. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

/**
 * Formats a number for humans and for Claude: 15 significant digits hide
 * binary floating-point noise (0.1 + 0.2 prints as 0.3) while keeping every
 * digit a double can be trusted with; -0 prints as 0.
 */
export function formatNumber(value: number): string {
  // String(-0) is already "0".
  return String(Number.parseFloat(value.toPrecision(15)));
}
