// Validates user-defined tool definitions typed as JSON in the settings
// editor, so mistakes are explained next to the editor instead of coming back
// as a 400 from the API. Every message starts with where the problem is,
// e.g. `tools[1].input_schema.required[0]: "city" is not a property`.

import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import { findJsonSyntaxError } from './json-position';
import { isRecord } from '../protocol';
import { jsonTypeOf } from './outcome';
import { BUILTIN_TOOL_NAMES } from './registry';
import { checkInputSchema, checkOptionalFields, pathTo } from './tool-fields';

export type DefinitionsResult = { readonly ok: true; readonly tools: Tool[] } | { readonly ok: false; readonly errors: string[] };

/** The API's pattern for tool names. */
export const TOOL_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

/** The fields the API accepts on a custom tool. */
const ALLOWED_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'description',
  'input_schema',
  'cache_control',
  'strict',
  'type',
  'eager_input_streaming',
  'defer_loading',
  'input_examples',
  'allowed_callers',
]);

// Names people bring from other tool-calling APIs (OpenAI's `parameters`,
// MCP's `inputSchema`) map onto the Anthropic field they meant.
const FIELD_HINTS: ReadonlyMap<string, string> = new Map([
  ['parameters', 'input_schema'],
  ['inputSchema', 'input_schema'],
  ['input_scheme', 'input_schema'],
  ['schema', 'input_schema'],
  ['desc', 'description'],
]);

/**
 * Parses the editor's text: one tool object or an array of them. Blank text
 * means "no user-defined tools" and is valid. `reserved` lists names that
 * are taken (by default the built-in tools' names); passing a list replaces
 * the default.
 */
export function parseToolDefinitions(json: string, reserved: readonly string[] = BUILTIN_TOOL_NAMES): DefinitionsResult {
  if (json.trim() === '') return { ok: true, tools: [] };
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch (error) {
    const where = findJsonSyntaxError(json);
    const detail = where ? `line ${where.line}, column ${where.column}: ${where.message}` : error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`Invalid JSON at ${detail}`] };
  }

  const items: readonly [unknown, string][] = Array.isArray(root)
    ? root.map((item: unknown, i): [unknown, string] => [item, pathTo('tools', i)])
    : [[root, 'tool']];
  if (!Array.isArray(root) && !isRecord(root)) {
    return { ok: false, errors: [`Expected a tool object or an array of tool objects, got ${jsonTypeOf(root)}`] };
  }

  const errors: string[] = [];
  const tools: Tool[] = [];
  const seen = new Map<string, string>();
  for (const [item, path] of items) {
    const { name, tool } = checkTool(item, path, errors);
    if (tool !== null) tools.push(tool);
    // Names are checked even when the rest of the tool is invalid, so all problems show at once.
    if (name === null) continue;
    const namePath = pathTo(path, 'name');
    const first = seen.get(name);
    if (reserved.includes(name)) errors.push(`${namePath}: "${name}" is reserved (a built-in tool has this name)`);
    else if (first !== undefined) errors.push(`${namePath}: "${name}" is already used by ${first}`);
    else seen.set(name, path);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, tools };
}

function checkTool(item: unknown, path: string, errors: string[]): { readonly name: string | null; readonly tool: Tool | null } {
  if (!isRecord(item)) {
    errors.push(`${path}: expected a tool object with "name" and "input_schema", got ${jsonTypeOf(item)}`);
    return { name: null, tool: null };
  }
  const before = errors.length;
  for (const key of Object.keys(item)) {
    if (ALLOWED_FIELDS.has(key)) continue;
    const hint = FIELD_HINTS.get(key);
    errors.push(
      hint !== undefined
        ? `${pathTo(path, key)}: unknown field; did you mean "${hint}"?`
        : `${pathTo(path, key)}: unknown field (allowed: ${[...ALLOWED_FIELDS].join(', ')})`,
    );
  }
  const name = checkName(item['name'], pathTo(path, 'name'), errors);
  const description = item['description'];
  if (description !== undefined && typeof description !== 'string') {
    errors.push(`${pathTo(path, 'description')}: must be a string, got ${jsonTypeOf(description)}`);
  }
  const schema = checkInputSchema(item['input_schema'], pathTo(path, 'input_schema'), errors);
  const optional = checkOptionalFields(item, path, errors);
  if (errors.length > before || name === null || schema === null) return { name, tool: null };
  const tool: Tool = { ...optional, name, input_schema: schema };
  if (typeof description === 'string') tool.description = description;
  return { name, tool };
}

function checkName(value: unknown, path: string, errors: string[]): string | null {
  if (value === undefined) errors.push(`${path}: required`);
  else if (typeof value !== 'string') errors.push(`${path}: must be a string, got ${jsonTypeOf(value)}`);
  else if (!TOOL_NAME_PATTERN.test(value)) {
    errors.push(`${path}: ${JSON.stringify(value)} must be 1 to 64 characters, each a letter, digit, "_" or "-"`);
  } else return value;
  return null;
}
