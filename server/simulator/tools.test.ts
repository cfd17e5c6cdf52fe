import { describe, expect, it } from 'vitest';
import { isArray, isObject, type JsonObject, type JsonValue } from './json';
import { Rng } from './rng';
import { argumentsFor, arithmeticIn } from './tools';

/** A small JSON Schema checker for what argumentsFor claims to honour. */
function valid(value: JsonValue, schema: JsonObject): boolean {
  const en = schema['enum'];
  if (isArray(en) && !en.includes(value)) return false;
  switch (schema['type']) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && (typeof schema['minimum'] !== 'number' || value >= schema['minimum']) && (typeof schema['maximum'] !== 'number' || value <= schema['maximum']);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array': {
      const items = schema['items'];
      return isArray(value) && (!isObject(items) || value.every((v) => valid(v, items)));
    }
    case 'object': {
      if (!isObject(value)) return false;
      const props = isObject(schema['properties']) ? schema['properties'] : {};
      const required = isArray(schema['required']) ? schema['required'] : [];
      if (!required.every((r) => typeof r === 'string' && r in value)) return false;
      return Object.entries(value).every(([k, v]) => {
        const p = props[k];
        return isObject(p) && valid(v, p);
      });
    }
    default:
      return true;
  }
}

const tools: JsonObject[] = [
  { name: 'calculator', input_schema: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] } },
  { name: 'get_time', input_schema: { type: 'object', properties: { timezone: { type: 'string' } }, required: ['timezone'] } },
  {
    name: 'convert_units',
    input_schema: {
      type: 'object',
      properties: { value: { type: 'number', minimum: 0 }, from_unit: { type: 'string', enum: ['km', 'mi', 'kg', 'lb'] }, to_unit: { type: 'string', enum: ['km', 'mi', 'kg', 'lb'] } },
      required: ['value', 'from_unit', 'to_unit'],
    },
  },
  {
    name: 'create_event',
    input_schema: {
      type: 'object',
      properties: {
        title: { type: 'string', minLength: 3 },
        attendees: { type: 'array', items: { type: 'object', properties: { email: { type: 'string' } }, required: ['email'] }, minItems: 2 },
        priority: { type: 'integer', minimum: 1, maximum: 5 },
        public: { type: 'boolean' },
      },
      required: ['title', 'attendees', 'priority', 'public'],
    },
  },
];

describe('tool arguments', () => {
  it.each(tools.map((t) => [t['name'], t] as const))('%s gets input valid against its schema', (_name, tool) => {
    for (let variant = 0; variant < 3; variant++) {
      const input = argumentsFor(tool, new Rng(variant), 'please help', variant);
      const schema = tool['input_schema'];
      expect(isObject(schema) && valid(input, schema)).toBe(true);
    }
  });

  it('uses the arithmetic from the prompt for a calculator', () => {
    expect(arithmeticIn('What is 17 * 23?')).toBe('17 * 23');
    expect(argumentsFor(tools[0] ?? {}, new Rng(1), 'compute (2 + 3) * 4 please', 0)).toEqual({ expression: '(2 + 3) * 4' });
    expect(arithmeticIn('no numbers here')).toBeUndefined();
  });

  it('converts between two different units', () => {
    const input = argumentsFor(tools[2] ?? {}, new Rng(1), '', 0);
    expect(input['from_unit']).not.toBe(input['to_unit']);
  });
});
