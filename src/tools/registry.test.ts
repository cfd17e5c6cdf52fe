import { describe, it, expect } from 'vitest';
import { BUILTIN_TOOLS, BUILTIN_TOOL_NAMES, isBuiltinToolName, runBuiltinTool } from './index';
import { parseToolDefinitions } from './validate-definitions';

const context = { now: new Date('2024-03-10T12:34:56Z') };

describe('BUILTIN_TOOLS', () => {
  it('lists the three tools in API shape', () => {
    expect(BUILTIN_TOOLS.map((t) => t.name)).toEqual(['calculator', 'get_current_time', 'convert_units']);
    for (const tool of BUILTIN_TOOLS) {
      expect(Object.keys(tool).sort()).toEqual(['description', 'input_schema', 'name']);
      expect(tool.description?.length ?? 0).toBeGreaterThan(80);
      expect(tool.input_schema.type).toBe('object');
      const properties = tool.input_schema.properties;
      expect(properties).toBeTypeOf('object');
      for (const schema of Object.values(properties ?? {})) expect(schema).toHaveProperty('description');
    }
  });

  it('passes the user-definition validator (with nothing reserved)', () => {
    const result = parseToolDefinitions(JSON.stringify(BUILTIN_TOOLS), []);
    expect(result).toEqual({ ok: true, tools: BUILTIN_TOOLS });
  });

  it('is serializable as the API expects', () => {
    const roundTrip: unknown = JSON.parse(JSON.stringify(BUILTIN_TOOLS));
    expect(roundTrip).toEqual(BUILTIN_TOOLS);
  });

  it('recognizes its names', () => {
    expect(BUILTIN_TOOL_NAMES.every(isBuiltinToolName)).toBe(true);
    expect(isBuiltinToolName('constructor')).toBe(false);
  });
});

describe('runBuiltinTool', () => {
  it('runs each tool', () => {
    expect(runBuiltinTool('calculator', { expression: '2+3*4' }, context)).toEqual({ ok: true, content: '14' });
    expect(runBuiltinTool('convert_units', { value: 0, from: 'C', to: 'F' }, context)).toEqual({ ok: true, content: '0 C = 32 F' });
    const time = runBuiltinTool('get_current_time', { time_zone: 'Asia/Tokyo' }, context);
    expect(time.ok && JSON.parse(time.content)).toMatchObject({ local_time: '2024-03-10T21:34:56+09:00' });
    const utc = runBuiltinTool('get_current_time', {}, context);
    expect(utc.ok && JSON.parse(utc.content)).toMatchObject({ time_zone: 'UTC' });
  });

  it('returns tool failures as errors', () => {
    expect(runBuiltinTool('calculator', { expression: '1/0' }, context)).toEqual({ ok: false, error: 'Division by zero: 1 / 0' });
    expect(runBuiltinTool('get_current_time', { time_zone: 'Nowhere/Land' }, context).ok).toBe(false);
    expect(runBuiltinTool('convert_units', { value: 1, from: 'kg', to: 'm' }, context).ok).toBe(false);
  });

  it('rejects unknown tools, including inherited property names', () => {
    for (const name of ['weather', 'constructor', '__proto__', 'toString']) {
      expect(runBuiltinTool(name, {}, context)).toEqual({
        ok: false,
        error: `Unknown tool "${name}". Built-in tools: calculator, get_current_time, convert_units`,
      });
    }
  });

  it.each([
    ['calculator', null, 'The input must be a JSON object, got null'],
    ['calculator', ['1+1'], 'The input must be a JSON object, got array'],
    ['calculator', '1+1', 'The input must be a JSON object, got string'],
    ['calculator', {}, 'Invalid input: "expression" is required. Accepted properties: expression'],
    ['calculator', { expression: 2 }, 'Invalid input: "expression" must be a string, got integer. Accepted properties: expression'],
    ['calculator', { expression: '1', extra: true }, 'Invalid input: "extra" is not an accepted property. Accepted properties: expression'],
    ['calculator', { expression: '1'.repeat(1001) }, 'Invalid input: "expression" must be at most 1000 characters long (got 1001). Accepted properties: expression'],
    ['get_current_time', { time_zone: 9 }, 'Invalid input: "time_zone" must be a string, got integer. Accepted properties: time_zone'],
    [
      'convert_units',
      { value: '3', from: 'm' },
      'Invalid input: "to" is required; "value" must be a number, got string. Accepted properties: value, from, to',
    ],
  ])('validates %s input %j', (name, input, error) => {
    expect(runBuiltinTool(name, input, context)).toEqual({ ok: false, error });
  });
});
