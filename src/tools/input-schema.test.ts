import { describe, expect, it } from 'vitest';
import { checkInput, numberField, stringField } from './input-schema';

const schema = {
  type: 'object' as const,
  properties: {
    name: { type: 'string', maxLength: 5 },
    count: { type: 'integer' },
    ratio: { type: 'number' },
    flag: { type: 'boolean' },
    anything: { type: 'array' },
  },
  required: ['name'],
  additionalProperties: false,
};

describe('checkInput', () => {
  it('accepts input that fits, and hands it back', () => {
    const input = { name: 'abcde', count: 3, ratio: 0.5, flag: false, anything: 'not checked' };
    expect(checkInput(schema, input)).toEqual({ ok: true, input });
  });

  it('needs a JSON object', () => {
    expect(checkInput(schema, [1])).toEqual({ ok: false, error: 'The input must be a JSON object, got array' });
    expect(checkInput(schema, 'x')).toEqual({ ok: false, error: 'The input must be a JSON object, got string' });
  });

  it('names each problem, then the accepted properties', () => {
    expect(checkInput(schema, { count: 1.5, ratio: Number.POSITIVE_INFINITY, flag: 'yes', extra: 1 })).toEqual({
      ok: false,
      error:
        'Invalid input: "name" is required; "count" must be an integer, got number; "ratio" must be a number, got number; "flag" must be a boolean, got string; "extra" is not an accepted property. Accepted properties: name, count, ratio, flag, anything',
    });
  });

  it('checks string type and length, up to the limit itself', () => {
    expect(checkInput(schema, { name: 'abcdef' })).toEqual({ ok: false, error: 'Invalid input: "name" must be at most 5 characters long (got 6). Accepted properties: name, count, ratio, flag, anything' });
    expect(checkInput(schema, { name: 7 })).toMatchObject({ ok: false, error: expect.stringContaining('"name" must be a string, got integer') });
    expect(checkInput(schema, { name: 'ab', ratio: '1' })).toMatchObject({ ok: false, error: expect.stringContaining('"ratio" must be a number, got string') });
    expect(checkInput(schema, { name: 'ab', count: '2' })).toMatchObject({ ok: false, error: expect.stringContaining('"count" must be an integer, got string') });
    expect(checkInput(schema, { name: 'ab', flag: 1 })).toMatchObject({ ok: false, error: expect.stringContaining('"flag" must be a boolean, got integer') });
  });

  it('lets extra properties through unless additionalProperties is false, and works without properties or required', () => {
    expect(checkInput({ ...schema, additionalProperties: true }, { name: 'a', extra: 1 })).toMatchObject({ ok: true });
    expect(checkInput({ type: 'object' }, { any: 1 })).toEqual({ ok: true, input: { any: 1 } });
    expect(checkInput({ type: 'object', additionalProperties: false }, { any: 1 })).toEqual({ ok: false, error: 'Invalid input: "any" is not an accepted property. Accepted properties: none' });
    // An inherited name is not a declared property.
    expect(checkInput(schema, { name: 'a', toString: 'x' })).toMatchObject({ ok: false, error: expect.stringContaining('"toString" is not an accepted property') });
  });
});

describe('reading checked fields', () => {
  it('gives the value of the right type, or undefined', () => {
    expect(stringField({ a: 'x', b: 1 }, 'a')).toBe('x');
    expect(stringField({ a: 'x', b: 1 }, 'b')).toBeUndefined();
    expect(numberField({ a: 'x', b: 1 }, 'b')).toBe(1);
    expect(numberField({ a: 'x', b: 1 }, 'a')).toBeUndefined();
  });
});
