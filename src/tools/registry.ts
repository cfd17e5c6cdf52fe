// The built-in tools as one registry: the definitions sent to the API and a
// single entry point to run a `tool_use` block by name.

import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import { assertNever } from '../protocol';
import { CALCULATOR_TOOL, runCalculator } from './calculator';
import { CONVERT_UNITS_TOOL, runConvertUnits } from './convert-units';
import { CURRENT_TIME_TOOL, runCurrentTime } from './current-time';
import { checkInput, numberField, stringField } from './input-schema';
import { failure, type ToolContext, type ToolOutcome } from './outcome';

export type BuiltinToolName = 'calculator' | 'get_current_time' | 'convert_units';

export const BUILTIN_TOOL_NAMES: readonly BuiltinToolName[] = ['calculator', 'get_current_time', 'convert_units'];

const DEFINITIONS: Readonly<Record<BuiltinToolName, Tool>> = {
  calculator: CALCULATOR_TOOL,
  get_current_time: CURRENT_TIME_TOOL,
  convert_units: CONVERT_UNITS_TOOL,
};

/** The three built-in tools, shaped exactly like the API's `Tool`, in a stable order. */
export const BUILTIN_TOOLS: readonly Tool[] = BUILTIN_TOOL_NAMES.map((name) => DEFINITIONS[name]);

export function isBuiltinToolName(name: string): name is BuiltinToolName {
  return BUILTIN_TOOL_NAMES.some((builtin) => builtin === name);
}

/**
 * Runs a built-in tool on the `input` of a `tool_use` block. Never throws:
 * unknown tools, invalid input and tool failures all come back as
 * `{ ok: false, error }`, to be returned with `is_error: true`.
 */
export function runBuiltinTool(name: string, input: unknown, context: ToolContext): ToolOutcome {
  if (!isBuiltinToolName(name)) {
    return failure(`Unknown tool "${name}". Built-in tools: ${BUILTIN_TOOL_NAMES.join(', ')}`);
  }
  const checked = checkInput(DEFINITIONS[name].input_schema, input);
  if (!checked.ok) return failure(checked.error);
  const args = checked.input;
  try {
    return dispatch(name, args, context);
  } catch (error) {
    // The tools are written not to throw; this only keeps a bug in one of them
    // from breaking the whole conversation loop.
    return failure(`The ${name} tool failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function dispatch(name: BuiltinToolName, args: Readonly<Record<string, unknown>>, context: ToolContext): ToolOutcome {
  switch (name) {
    case 'calculator':
      return runCalculator(stringField(args, 'expression') ?? '');
    case 'get_current_time':
      return runCurrentTime(context.now, stringField(args, 'time_zone'));
    case 'convert_units':
      return runConvertUnits(numberField(args, 'value') ?? Number.NaN, stringField(args, 'from') ?? '', stringField(args, 'to') ?? '');
    default:
      return assertNever(name);
  }
}
