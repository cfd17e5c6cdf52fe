// Public face of the tools module: the built-in tools that run in the
// browser, and the validator for user-defined tool definitions. Pure
// functions and data only; the UI and the agent loop live elsewhere.

export { BUILTIN_TOOLS, BUILTIN_TOOL_NAMES, isBuiltinToolName, runBuiltinTool, type BuiltinToolName } from './registry';
export type { ToolContext, ToolOutcome } from './outcome';
export { parseToolDefinitions, TOOL_NAME_PATTERN, type DefinitionsResult } from './validate-definitions';
export { CALCULATOR_TOOL, runCalculator } from './calculator';
export { evaluateExpression, MAX_EXPRESSION_LENGTH, type EvaluationResult } from './calc-evaluate';
export { CURRENT_TIME_TOOL, runCurrentTime, zonedTime, type ZonedTime, type ZonedTimeResult } from './current-time';
export { CONVERT_UNITS_TOOL, convertValue, runConvertUnits, type ConversionResult } from './convert-units';
export { findUnit, UNITS, type Dimension, type Unit } from './units-table';
