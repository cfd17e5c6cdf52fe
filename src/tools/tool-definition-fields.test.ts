// The optional fields of a user's tool definition, copied exactly as the API
// takes them, and the hints for field names from other tool-calling APIs.
import { describe, expect, it } from 'vitest';
import { pathTo } from './tool-fields';
import { parseToolDefinitions } from './validate-definitions';

const base = { name: 'lookup', input_schema: { type: 'object' } };
const tools = (value: unknown) => {
  const result = parseToolDefinitions(JSON.stringify(value), []);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.tools;
};
const errors = (value: unknown) => {
  const result = parseToolDefinitions(JSON.stringify(value), []);
  return result.ok ? [] : result.errors;
};

describe('optional fields, copied as the API takes them', () => {
  it('keeps each valid value, nulls included where the API allows null', () => {
    expect(
      tools({
        ...base,
        cache_control: { type: 'ephemeral', ttl: '1h' },
        strict: false,
        type: 'custom',
        eager_input_streaming: false,
        defer_loading: true,
        input_examples: [{ q: 'a' }, {}],
        allowed_callers: ['direct', 'code_execution_20260521'],
      }),
    ).toEqual([
      {
        name: 'lookup',
        input_schema: { type: 'object' },
        cache_control: { type: 'ephemeral', ttl: '1h' },
        strict: false,
        type: 'custom',
        eager_input_streaming: false,
        defer_loading: true,
        input_examples: [{ q: 'a' }, {}],
        allowed_callers: ['direct', 'code_execution_20260521'],
      },
    ]);
    expect(tools({ ...base, cache_control: null, type: null, eager_input_streaming: null })).toEqual([{ ...base, cache_control: null, type: null, eager_input_streaming: null }]);
    expect(tools({ ...base, cache_control: { type: 'ephemeral' } })).toEqual([{ ...base, cache_control: { type: 'ephemeral' } }]);
    expect(tools({ ...base, cache_control: { type: 'ephemeral', ttl: '5m' }, eager_input_streaming: true })).toEqual([{ ...base, cache_control: { type: 'ephemeral', ttl: '5m' }, eager_input_streaming: true }]);
  });

  it('adds nothing that was not given: no description, no required', () => {
    const [tool] = tools(base);
    expect(tool).toEqual({ name: 'lookup', input_schema: { type: 'object' } });
    expect(Object.keys(tool ?? {})).toEqual(['name', 'input_schema']);
    expect(Object.keys(tools({ ...base, input_schema: { type: 'object', required: null } })[0]?.input_schema ?? {})).toEqual(['type', 'required']);
    expect(tools({ ...base, description: 'Finds things' })[0]?.description).toBe('Finds things');
  });

  it('names the non-arrays given for the list fields', () => {
    expect(errors({ ...base, input_examples: { q: 1 } })).toEqual(['tool.input_examples: must be an array of example input objects, got object']);
    expect(errors({ ...base, allowed_callers: 'direct' })).toEqual(['tool.allowed_callers: must be an array, got string']);
  });

  it('checks property types, including lists of types', () => {
    expect(tools({ ...base, input_schema: { type: 'object', properties: { a: { type: ['string', 'null'] }, b: {} } } })).toHaveLength(1);
    expect(errors({ ...base, input_schema: { type: 'object', properties: { a: { type: ['string', 'str'] }, b: { type: 5 } } } })).toEqual([
      'tool.input_schema.properties.a.type: "str" is not a JSON Schema type (use one of: string, number, integer, boolean, object, array, null)',
      'tool.input_schema.properties.b.type: 5 is not a JSON Schema type (use one of: string, number, integer, boolean, object, array, null)',
    ]);
    expect(errors({ ...base, input_schema: { type: 'object', properties: null } })).toEqual([]);
  });
});

describe('hints for field names from other APIs', () => {
  it.each([
    ['parameters', 'input_schema'],
    ['inputSchema', 'input_schema'],
    ['input_scheme', 'input_schema'],
    ['schema', 'input_schema'],
    ['desc', 'description'],
  ])('%s: did you mean %s?', (field, meant) => {
    expect(errors({ ...base, [field]: {} })).toEqual([`tool.${field}: unknown field; did you mean "${meant}"?`]);
  });
});

describe('pathTo', () => {
  it('indexes arrays, dots identifiers and quotes other keys', () => {
    expect(pathTo('tools', 0)).toBe('tools[0]');
    expect(pathTo('tools[0]', 'name')).toBe('tools[0].name');
    expect(pathTo('p', '$ok_1')).toBe('p.$ok_1');
    expect(pathTo('p', 'my key')).toBe('p["my key"]');
    expect(pathTo('p', '1abc')).toBe('p["1abc"]');
  });
});
