import { describe, it, expect } from 'vitest';
import { findJsonSyntaxError } from './json-position';
import { parseToolDefinitions } from './validate-definitions';

const weather = {
  name: 'get_weather',
  description: 'Current weather for a city',
  input_schema: {
    type: 'object',
    properties: { city: { type: 'string', description: 'City name' }, unit: { type: 'string', enum: ['C', 'F'] } },
    required: ['city'],
  },
};

function errorsOf(value: unknown, reserved?: readonly string[]): string[] {
  const result = parseToolDefinitions(typeof value === 'string' ? value : JSON.stringify(value), reserved);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseToolDefinitions: valid input', () => {
  it('accepts one object or an array', () => {
    expect(parseToolDefinitions(JSON.stringify(weather))).toEqual({ ok: true, tools: [weather] });
    const second = { name: 'lookup-2', input_schema: { type: 'object' } };
    expect(parseToolDefinitions(JSON.stringify([weather, second], null, 2))).toEqual({ ok: true, tools: [weather, second] });
  });

  it('treats blank text and an empty array as no tools', () => {
    expect(parseToolDefinitions('')).toEqual({ ok: true, tools: [] });
    expect(parseToolDefinitions('  \n')).toEqual({ ok: true, tools: [] });
    expect(parseToolDefinitions('[]')).toEqual({ ok: true, tools: [] });
  });

  it('accepts the optional API fields', () => {
    const full = {
      ...weather,
      type: 'custom',
      strict: true,
      cache_control: { type: 'ephemeral', ttl: '1h' },
      eager_input_streaming: null,
      defer_loading: false,
      input_examples: [{ city: 'Paris' }],
      allowed_callers: ['direct'],
    };
    expect(parseToolDefinitions(JSON.stringify(full))).toEqual({ ok: true, tools: [full] });
  });

  it('keeps extra JSON Schema keywords of input_schema', () => {
    const tool = { name: 'x', input_schema: { type: 'object', properties: {}, additionalProperties: false, $defs: {} } };
    expect(parseToolDefinitions(JSON.stringify(tool))).toEqual({ ok: true, tools: [tool] });
  });
});

describe('parseToolDefinitions: errors', () => {
  it('reports invalid JSON with line and column', () => {
    expect(errorsOf('[\n  {"name": "a",\n   "input_schema": {"type": "object",}}\n]')).toEqual([
      'Invalid JSON at line 3, column 37: Trailing comma before "}"',
    ]);
    expect(errorsOf('{"name": \'a\'}')).toEqual(['Invalid JSON at line 1, column 10: Expected a value, found "\'"']);
    expect(errorsOf('{name: "a"}')).toEqual(['Invalid JSON at line 1, column 2: Expected a property name in double quotes, found "n"']);
    expect(errorsOf('{"name": "a"')).toEqual(['Invalid JSON at line 1, column 13: Expected "," or "}" in the object, found end of input']);
    expect(errorsOf('{"a": 1} x')).toEqual(['Invalid JSON at line 1, column 10: Unexpected text after the end of the JSON value']);
  });

  it('rejects a root that is not a tool or a list of tools', () => {
    expect(errorsOf('42')).toEqual(['Expected a tool object or an array of tool objects, got integer']);
    expect(errorsOf([weather, 'oops', null])).toEqual([
      'tools[1]: expected a tool object with "name" and "input_schema", got string',
      'tools[2]: expected a tool object with "name" and "input_schema", got null',
    ]);
  });

  it('checks names: presence, type, pattern, uniqueness, reserved', () => {
    expect(errorsOf({ input_schema: { type: 'object' } })).toEqual(['tool.name: required']);
    expect(errorsOf({ name: 7, input_schema: { type: 'object' } })).toEqual(['tool.name: must be a string, got integer']);
    expect(errorsOf({ name: 'get weather', input_schema: { type: 'object' } })).toEqual([
      'tool.name: "get weather" must be 1 to 64 characters, each a letter, digit, "_" or "-"',
    ]);
    expect(errorsOf({ name: 'a'.repeat(65), input_schema: { type: 'object' } })[0]).toMatch(/must be 1 to 64 characters/);
    expect(errorsOf({ name: '', input_schema: { type: 'object' } })[0]).toMatch(/must be 1 to 64 characters/);
    expect(errorsOf([weather, { ...weather, description: 'again' }])).toEqual(['tools[1].name: "get_weather" is already used by tools[0]']);
    expect(errorsOf({ name: 'calculator', input_schema: { type: 'object' } })).toEqual([
      'tool.name: "calculator" is reserved (a built-in tool has this name)',
    ]);
    expect(errorsOf(weather, ['get_weather'])).toEqual(['tool.name: "get_weather" is reserved (a built-in tool has this name)']);
    expect(parseToolDefinitions(JSON.stringify({ name: 'calculator', input_schema: { type: 'object' } }), []).ok).toBe(true);
  });

  it('checks description', () => {
    expect(errorsOf({ ...weather, description: ['x'] })).toEqual(['tool.description: must be a string, got array']);
  });

  it('checks input_schema', () => {
    expect(errorsOf({ name: 'a' })).toEqual(['tool.input_schema: required (a JSON Schema object such as {"type": "object", "properties": {}})']);
    expect(errorsOf({ name: 'a', input_schema: 'object' })).toEqual(['tool.input_schema: must be a JSON Schema object, got string']);
    expect(errorsOf({ name: 'a', input_schema: { properties: {} } })).toEqual([
      'tool.input_schema.type: must be "object" (tool input is always an object), it is missing',
    ]);
    expect(errorsOf({ name: 'a', input_schema: { type: 'array' } })).toEqual([
      'tool.input_schema.type: must be "object" (tool input is always an object), got "array"',
    ]);
    expect(errorsOf({ name: 'a', input_schema: { type: 'object', properties: [] } })).toEqual([
      'tool.input_schema.properties: must be an object mapping property names to schemas, got array',
    ]);
    expect(errorsOf({ name: 'a', input_schema: { type: 'object', properties: { city: 'string', 'zip code': { type: 'str' } } } })).toEqual([
      'tool.input_schema.properties.city: must be a JSON Schema object such as {"type": "string"}, got string',
      'tool.input_schema.properties["zip code"].type: "str" is not a JSON Schema type (use one of: string, number, integer, boolean, object, array, null)',
    ]);
  });

  it('checks required against the properties', () => {
    const schema = (required: unknown) => ({ name: 'a', input_schema: { type: 'object', properties: { town: { type: 'string' } }, required } });
    expect(errorsOf([weather, schema(['city'])])).toEqual(['tools[1].input_schema.required[0]: "city" is not a property']);
    expect(errorsOf(schema('town'))).toEqual(['tool.input_schema.required: must be an array of property names, got string']);
    expect(errorsOf(schema([1]))).toEqual(['tool.input_schema.required[0]: must be a property name (a string), got integer']);
    expect(errorsOf(schema(['town', 'town']))).toEqual(['tool.input_schema.required[1]: "town" is listed twice']);
    expect(errorsOf({ name: 'a', input_schema: { type: 'object', required: ['x'] } })).toEqual(['tool.input_schema.required[0]: "x" is not a property']);
  });

  it('rejects unknown top-level fields, with hints for other APIs\' names', () => {
    expect(errorsOf({ ...weather, parameters: {} })).toEqual(['tool.parameters: unknown field; did you mean "input_schema"?']);
    expect(errorsOf({ ...weather, color: 'red' })[0]).toMatch(/^tool\.color: unknown field \(allowed: name, description, input_schema, cache_control, strict, type/);
  });

  it('checks the optional API fields', () => {
    expect(
      errorsOf({
        ...weather,
        type: 'function',
        strict: 'yes',
        cache_control: { type: 'persistent' },
        eager_input_streaming: 1,
        defer_loading: null,
        input_examples: [1],
        allowed_callers: ['me'],
      }),
    ).toEqual([
      'tool.cache_control: must be {"type": "ephemeral"} (optionally with "ttl": "5m" or "1h")',
      'tool.strict: must be true or false, got string',
      'tool.type: must be "custom" for a user-defined tool, got "function"',
      'tool.eager_input_streaming: must be true, false or null, got integer',
      'tool.defer_loading: must be true or false, got null',
      'tool.input_examples[0]: must be an object, got integer',
      'tool.allowed_callers[0]: must be one of direct, code_execution_20250825, code_execution_20260120, code_execution_20260521, got "me"',
    ]);
    expect(errorsOf({ ...weather, cache_control: { type: 'ephemeral', ttl: '1d' } })).toEqual(['tool.cache_control.ttl: must be "5m" or "1h", got "1d"']);
  });

  it('reports every problem of every tool at once', () => {
    const errors = errorsOf([{ name: 'calculator', parameters: {} }, { name: 'x y', input_schema: { type: 'object', required: ['city'] } }]);
    expect(errors).toEqual([
      'tools[0].parameters: unknown field; did you mean "input_schema"?',
      'tools[0].input_schema: required (a JSON Schema object such as {"type": "object", "properties": {}})',
      'tools[0].name: "calculator" is reserved (a built-in tool has this name)',
      'tools[1].name: "x y" must be 1 to 64 characters, each a letter, digit, "_" or "-"',
      'tools[1].input_schema.required[0]: "city" is not a property',
    ]);
  });

  it('is not fooled by __proto__ keys', () => {
    expect(errorsOf('{"name": "a", "input_schema": {"type": "object"}, "__proto__": {"polluted": true}}')).toEqual([
      'tool.__proto__: unknown field (allowed: name, description, input_schema, cache_control, strict, type, eager_input_streaming, defer_loading, input_examples, allowed_callers)',
    ]);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });
});

describe('findJsonSyntaxError', () => {
  it('accepts what JSON.parse accepts', () => {
    for (const text of ['{}', '[]', '"a\\u00e9\\n"', '-0.5e+3', 'true', ' null ', '{"a": [1, {"b": false}]}']) {
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });

  it.each([
    ['', 1, 1, 'Expected a value, found end of input'],
    ['[1,]', 1, 3, 'Trailing comma before "]"'],
    ['{"a": 1 ,\n}', 1, 9, 'Trailing comma before "}"'],
    ['[1 2]', 1, 4, 'Expected "," or "]" in the array, found "2"'],
    ['{"a" 1}', 1, 6, 'Expected ":" after the property name, found "1"'],
    ['"abc', 1, 5, 'Unterminated string'],
    ['"a\\x"', 1, 3, 'Invalid escape sequence in string'],
    ['"a\nb"', 1, 3, 'Control character (such as a line break) inside a string; write it as an escape like \\n'],
    ['01', 1, 2, 'Unexpected text after the end of the JSON value'],
    ['{\n\n  "a": tru\n}', 3, 8, 'Expected a value, found "t"'],
  ])('%j → line %d, column %d', (text, line, column, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toEqual({ line, column, message });
  });

  it('gives up on absurd nesting instead of overflowing the stack', () => {
    expect(findJsonSyntaxError('['.repeat(10_000))).toBeNull();
    expect(parseToolDefinitions('['.repeat(10_000))).toMatchObject({ ok: false, errors: [expect.stringMatching(/^Invalid JSON at /)] });
  });
});
