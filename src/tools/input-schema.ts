// Checks a tool call's input against the subset of JSON Schema the built-in
// tools use (an object of string / number / integer / boolean properties,
// `required`, `additionalProperties: false`, `maxLength`). Claude usually
// sends valid input, but when it does not, a precise message in the
// `is_error` result lets it fix the call on the next turn.

import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import { isRecord } from '../protocol';
import { jsonTypeOf } from './outcome';

export type InputCheck = { readonly ok: true; readonly input: Readonly<Record<string, unknown>> } | { readonly ok: false; readonly error: string };

export function checkInput(schema: Tool.InputSchema, input: unknown): InputCheck {
  if (!isRecord(input)) return { ok: false, error: `The input must be a JSON object, got ${jsonTypeOf(input)}` };
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const problems: string[] = [];
  for (const name of schema.required ?? []) {
    if (!Object.hasOwn(input, name)) problems.push(`"${name}" is required`);
  }
  for (const [name, value] of Object.entries(input)) {
    const property = Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (!isRecord(property)) {
      if (schema['additionalProperties'] === false) problems.push(`"${name}" is not an accepted property`);
      continue;
    }
    const problem = checkValue(property, value);
    if (problem !== null) problems.push(`"${name}" ${problem}`);
  }
  if (problems.length > 0) {
    const accepted = Object.keys(properties).join(', ') || 'none';
    return { ok: false, error: `Invalid input: ${problems.join('; ')}. Accepted properties: ${accepted}` };
  }
  return { ok: true, input };
}

function checkValue(property: Record<string, unknown>, value: unknown): string | null {
  const expected = property['type'];
  switch (expected) {
    case 'string':
      if (typeof value !== 'string') return `must be a string, got ${jsonTypeOf(value)}`;
      if (typeof property['maxLength'] === 'number' && value.length > property['maxLength']) {
        return `must be at most ${property['maxLength']} characters long (got ${value.length})`;
      }
      return null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `must be a number, got ${jsonTypeOf(value)}`;
    case 'integer':
      return Number.isInteger(value) ? null : `must be an integer, got ${jsonTypeOf(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `must be a boolean, got ${jsonTypeOf(value)}`;
    default:
      // Types the built-in schemas do not use are not checked here.
      return null;
  }
}

/** Reads a property that `checkInput` has already verified, without a type assertion. */
export function stringField(input: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = input[name];
  return typeof value === 'string' ? value : undefined;
}

export function numberField(input: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const value = input[name];
  return typeof value === 'number' ? value : undefined;
}
