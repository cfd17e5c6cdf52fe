// Field-level checks for user-defined tool definitions: the input schema and
// the optional API fields. Each check appends "path: problem" messages to
// `errors` and returns the value typed as the API expects, so the validator
// can rebuild a `Tool` without type assertions.

import type { CacheControlEphemeral, Tool } from '@anthropic-ai/sdk/resources/messages';
import { isRecord } from '../protocol';
import { jsonTypeOf } from './outcome';

type Caller = NonNullable<Tool['allowed_callers']>[number];

const CALLERS: readonly Caller[] = ['direct', 'code_execution_20250825', 'code_execution_20260120', 'code_execution_20260521'];
const SCHEMA_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

/** `tools[0]` + `name` → `tools[0].name`; keys that are not identifiers get brackets: `properties["my key"]`. */
export function pathTo(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

export function checkInputSchema(value: unknown, path: string, errors: string[]): Tool.InputSchema | null {
  if (value === undefined) {
    errors.push(`${path}: required (a JSON Schema object such as {"type": "object", "properties": {}})`);
    return null;
  }
  if (!isRecord(value)) {
    errors.push(`${path}: must be a JSON Schema object, got ${jsonTypeOf(value)}`);
    return null;
  }
  const before = errors.length;
  if (value['type'] !== 'object') {
    const got = value['type'] === undefined ? 'it is missing' : `got ${JSON.stringify(value['type'])}`;
    errors.push(`${pathTo(path, 'type')}: must be "object" (tool input is always an object), ${got}`);
  }
  const properties = value['properties'];
  const propertyNames = new Set<string>();
  if (properties !== undefined && properties !== null) {
    if (!isRecord(properties)) {
      errors.push(`${pathTo(path, 'properties')}: must be an object mapping property names to schemas, got ${jsonTypeOf(properties)}`);
    } else {
      for (const [name, schema] of Object.entries(properties)) {
        propertyNames.add(name);
        checkPropertySchema(schema, pathTo(pathTo(path, 'properties'), name), errors);
      }
    }
  }
  const required = checkRequired(value['required'], propertyNames, pathTo(path, 'required'), errors);
  if (errors.length > before) return null;
  const schema: Tool.InputSchema = { ...value, type: 'object' };
  if (required !== null) schema.required = required;
  return schema;
}

function checkPropertySchema(schema: unknown, path: string, errors: string[]): void {
  if (!isRecord(schema)) {
    errors.push(`${path}: must be a JSON Schema object such as {"type": "string"}, got ${jsonTypeOf(schema)}`);
    return;
  }
  // Catch the common slip of writing "str" or "int"; nested schemas are left to the API.
  const type = schema['type'];
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  for (const t of types) {
    if (typeof t !== 'string' || !SCHEMA_TYPES.includes(t)) {
      errors.push(`${pathTo(path, 'type')}: ${JSON.stringify(t)} is not a JSON Schema type (use one of: ${SCHEMA_TYPES.join(', ')})`);
    }
  }
}

function checkRequired(value: unknown, properties: ReadonlySet<string>, path: string, errors: string[]): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) {
    errors.push(`${path}: must be an array of property names, got ${jsonTypeOf(value)}`);
    return null;
  }
  const names: string[] = [];
  value.forEach((item: unknown, i) => {
    const at = pathTo(path, i);
    if (typeof item !== 'string') errors.push(`${at}: must be a property name (a string), got ${jsonTypeOf(item)}`);
    else if (!properties.has(item)) errors.push(`${at}: ${JSON.stringify(item)} is not a property`);
    else if (names.includes(item)) errors.push(`${at}: ${JSON.stringify(item)} is listed twice`);
    else names.push(item);
  });
  return names;
}

/** The optional API fields of a custom tool, checked and copied. */
export function checkOptionalFields(item: Readonly<Record<string, unknown>>, path: string, errors: string[]): Partial<Tool> {
  const out: Partial<Tool> = {};
  const at = (key: string): string => pathTo(path, key);
  const { cache_control, strict, type, eager_input_streaming, defer_loading, input_examples, allowed_callers } = item;

  if (cache_control === null) out.cache_control = null;
  else if (cache_control !== undefined) {
    const checked = checkCacheControl(cache_control, at('cache_control'), errors);
    if (checked !== null) out.cache_control = checked;
  }
  if (typeof strict === 'boolean') out.strict = strict;
  else if (strict !== undefined) errors.push(`${at('strict')}: must be true or false, got ${jsonTypeOf(strict)}`);
  if (type === 'custom' || type === null) out.type = type;
  else if (type !== undefined) errors.push(`${at('type')}: must be "custom" for a user-defined tool, got ${JSON.stringify(type)}`);
  if (typeof eager_input_streaming === 'boolean' || eager_input_streaming === null) out.eager_input_streaming = eager_input_streaming;
  else if (eager_input_streaming !== undefined) errors.push(`${at('eager_input_streaming')}: must be true, false or null, got ${jsonTypeOf(eager_input_streaming)}`);
  if (typeof defer_loading === 'boolean') out.defer_loading = defer_loading;
  else if (defer_loading !== undefined) errors.push(`${at('defer_loading')}: must be true or false, got ${jsonTypeOf(defer_loading)}`);
  if (input_examples !== undefined) {
    if (!Array.isArray(input_examples)) errors.push(`${at('input_examples')}: must be an array of example input objects, got ${jsonTypeOf(input_examples)}`);
    else {
      const examples = input_examples.filter(isRecord);
      input_examples.forEach((example: unknown, i) => {
        if (!isRecord(example)) errors.push(`${pathTo(at('input_examples'), i)}: must be an object, got ${jsonTypeOf(example)}`);
      });
      out.input_examples = examples;
    }
  }
  if (allowed_callers !== undefined) {
    if (!Array.isArray(allowed_callers)) errors.push(`${at('allowed_callers')}: must be an array, got ${jsonTypeOf(allowed_callers)}`);
    else {
      const callers: Caller[] = [];
      allowed_callers.forEach((caller: unknown, i) => {
        const known = CALLERS.find((c) => c === caller);
        if (known !== undefined) callers.push(known);
        else errors.push(`${pathTo(at('allowed_callers'), i)}: must be one of ${CALLERS.join(', ')}, got ${JSON.stringify(caller)}`);
      });
      out.allowed_callers = callers;
    }
  }
  return out;
}

function checkCacheControl(value: unknown, path: string, errors: string[]): CacheControlEphemeral | null {
  if (!isRecord(value) || value['type'] !== 'ephemeral') {
    errors.push(`${path}: must be {"type": "ephemeral"} (optionally with "ttl": "5m" or "1h")`);
    return null;
  }
  const ttl = value['ttl'];
  if (ttl === undefined) return { type: 'ephemeral' };
  if (ttl === '5m' || ttl === '1h') return { type: 'ephemeral', ttl };
  errors.push(`${pathTo(path, 'ttl')}: must be "5m" or "1h", got ${JSON.stringify(ttl)}`);
  return null;
}
