// Client tools: which tool to call, with arguments valid against its
// input_schema, and how to answer once the tool_result comes back.
import { getArray, getNumber, getObject, getString, isArray, isObject, type JsonObject, type JsonValue } from './json';
import type { Rng } from './rng';
import type { ParsedRequest, SimMessage } from './types';

/** Custom (client) tools of the request; server tools have a versioned `type`. */
export function clientTools(req: ParsedRequest): JsonObject[] {
  return req.tools.filter((t) => {
    const type = getString(t, 'type');
    return type === undefined || type === 'custom';
  });
}

export function hasWebSearchTool(req: ParsedRequest): boolean {
  return req.tools.some((t) => (getString(t, 'type') ?? '').startsWith('web_search'));
}

const GENERIC_NAME_PARTS = new Set(['get', 'set', 'list', 'fetch', 'do', 'run', 'make', 'tool', 'the', 'and', 'to']);

/** An arithmetic expression written in the prompt, e.g. "17 * 23" in "what is 17 * 23?". */
export function arithmeticIn(prompt: string): string | undefined {
  const m = /\(?-?\d+(?:\.\d+)?\)?(?:\s*[-+*/^%]\s*\(?-?\d+(?:\.\d+)?\)?)+/.exec(prompt);
  return m ? m[0].trim() : undefined;
}

/**
 * With tool_choice auto, call a tool only when the prompt asks for it: it
 * names the tool (or a meaningful part of its name) or, for a calculator,
 * contains arithmetic. tool_choice any/tool always calls; none never does.
 */
export function toolToCall(req: ParsedRequest, prompt: string): JsonObject | undefined {
  const tools = clientTools(req);
  const choice = req.toolChoice;
  switch (choice.type) {
    case 'none':
      return undefined;
    case 'tool':
      return tools.find((t) => t['name'] === choice.name);
    case 'any':
      return tools.find((t) => mentions(prompt, t)) ?? tools[0];
    case 'auto':
      return tools.find((t) => mentions(prompt, t));
    default: {
      const never: never = choice;
      return never;
    }
  }
}

function mentions(prompt: string, tool: JsonObject): boolean {
  const lower = prompt.toLowerCase();
  const name = (getString(tool, 'name') ?? '').toLowerCase();
  if (name.length > 0 && lower.includes(name)) return true;
  if (name.includes('calc') && arithmeticIn(prompt) !== undefined) return true;
  const parts = name.split(/[_-]+/).filter((p) => p.length > 2 && !GENERIC_NAME_PARTS.has(p));
  return parts.some((p) => new RegExp(`\\b${p.slice(0, Math.max(4, p.length - 2))}`).test(lower));
}

const EXPRESSIONS = ['(17 + 25) * 3', '144 / 12 + 7', '2 ^ 10 - 24', '365 * 24', '(9.5 - 2.25) * 4'];
const UNIT_PAIRS: readonly [string, string][] = [['km', 'mi'], ['kg', 'lb'], ['celsius', 'fahrenheit'], ['m', 'ft']];

function stringFor(prop: string, schema: JsonObject, rng: Rng, prompt: string, variant: number): string {
  const p = prop.toLowerCase();
  const enumValues = getArray(schema, 'enum')?.filter((v): v is string => typeof v === 'string') ?? [];
  if (enumValues.length > 0) {
    const idx = /(^|_)to($|_)|target/.test(p) ? 1 : 0;
    return enumValues[Math.min(idx + variant, enumValues.length - 1)] ?? enumValues[0] ?? '';
  }
  let value: string;
  if (p.includes('expr') || p.includes('formula')) value = variant === 0 ? arithmeticIn(prompt) ?? rng.pick(EXPRESSIONS) : rng.pick(EXPRESSIONS);
  else if (p.includes('zone') || p === 'tz') value = ['Europe/Paris', 'America/New_York', 'Asia/Tokyo'][variant % 3] ?? 'UTC';
  else if (p.includes('location') || p.includes('city') || p.includes('place')) value = ['Paris, France', 'Tokyo, Japan', 'Lima, Peru'][variant % 3] ?? 'Paris';
  else if (/(^|_)from($|_)|source_unit|unit_from/.test(p)) value = UNIT_PAIRS[variant % UNIT_PAIRS.length]?.[0] ?? 'km';
  else if (/(^|_)to($|_)|target_unit|unit_to/.test(p)) value = UNIT_PAIRS[variant % UNIT_PAIRS.length]?.[1] ?? 'mi';
  else if (p.includes('unit')) value = 'km';
  else if (p.includes('query') || p.includes('search') || p.includes('text')) value = prompt.trim().slice(0, 60) || 'latest news';
  else if (p.includes('url')) value = 'https://example.com/';
  else if (p.includes('date') || getString(schema, 'format') === 'date-time') value = '2026-11-23T10:00:00Z';
  else value = `example ${prop}`.trim();
  const max = getNumber(schema, 'maxLength');
  const min = getNumber(schema, 'minLength') ?? 0;
  if (max !== undefined) value = value.slice(0, max);
  while (value.length < min) value += 'x';
  return value;
}

function numberFor(prop: string, schema: JsonObject, integer: boolean, variant: number): number {
  const p = prop.toLowerCase();
  let n = p.includes('value') || p.includes('amount') || p.includes('quantity') ? [42, 10, 3.5][variant % 3] ?? 1 : 1 + variant;
  const min = getNumber(schema, 'minimum') ?? getNumber(schema, 'exclusiveMinimum');
  const max = getNumber(schema, 'maximum') ?? getNumber(schema, 'exclusiveMaximum');
  if (min !== undefined && n <= min) n = min + 1;
  if (max !== undefined && n >= max) n = max - 1 >= (min ?? -Infinity) ? max - 1 : max;
  return integer ? Math.round(n) : n;
}

/** A value valid against a (practical subset of) JSON Schema. */
export function valueForSchema(prop: string, schema: JsonObject, rng: Rng, prompt: string, variant: number, depth = 0): JsonValue {
  if ('const' in schema) return schema['const'] ?? null;
  const options = getArray(schema, 'anyOf') ?? getArray(schema, 'oneOf');
  const first = options?.find(isObject);
  if (first) return valueForSchema(prop, first, rng, prompt, variant, depth);
  const rawType = schema['type'];
  const type = isArray(rawType) ? rawType.find((t) => t !== 'null') : rawType;
  const enumValues = getArray(schema, 'enum');
  if (enumValues && enumValues.length > 0 && type !== 'string') return enumValues[0] ?? null;
  switch (type) {
    case 'string':
      return stringFor(prop, schema, rng, prompt, variant);
    case 'number':
      return numberFor(prop, schema, false, variant);
    case 'integer':
      return numberFor(prop, schema, true, variant);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const items = getObject(schema, 'items') ?? { type: 'string' };
      const count = Math.max(1, getNumber(schema, 'minItems') ?? 1);
      const out: JsonValue[] = [];
      for (let i = 0; i < count; i++) out.push(valueForSchema(prop, items, rng, prompt, variant + i, depth + 1));
      return out;
    }
    default:
      return depth > 4 ? {} : objectForSchema(schema, rng, prompt, variant, depth + 1);
  }
}

export function objectForSchema(schema: JsonObject, rng: Rng, prompt: string, variant: number, depth = 0): JsonObject {
  const props = getObject(schema, 'properties') ?? {};
  const required = (getArray(schema, 'required') ?? []).filter((r): r is string => typeof r === 'string');
  const names = Object.keys(props);
  // Fill the required properties; when nothing is required, fill a few so the call looks meaningful.
  const chosen = required.length > 0 ? required : names.slice(0, 3);
  const out: JsonObject = {};
  for (const name of chosen) {
    const propSchema = getObject(props, name) ?? {};
    out[name] = valueForSchema(name, propSchema, rng, prompt, variant, depth);
  }
  return out;
}

export function argumentsFor(tool: JsonObject, rng: Rng, prompt: string, variant: number): JsonObject {
  return objectForSchema(getObject(tool, 'input_schema') ?? {}, rng, prompt, variant);
}

export interface ToolOutcome {
  name: string;
  input: JsonValue;
  result: string;
  isError: boolean;
}

function resultText(content: JsonValue | undefined): string {
  if (typeof content === 'string') return content;
  if (!isArray(content)) return '';
  return content
    .filter(isObject)
    .map((b) => (b['type'] === 'text' ? getString(b, 'text') ?? '' : `[${getString(b, 'type') ?? 'block'}]`))
    .join('\n');
}

/** The tool results in the last user turn, matched with the calls they answer. */
export function toolOutcomes(messages: readonly SimMessage[]): ToolOutcome[] {
  const last = messages[messages.length - 1];
  const prev = [...messages.slice(0, -1)].reverse().find((m) => m.role === 'assistant');
  if (!last || last.role !== 'user' || !prev) return [];
  const out: ToolOutcome[] = [];
  for (const block of last.content) {
    if (block['type'] !== 'tool_result') continue;
    const id = getString(block, 'tool_use_id');
    const use = prev.content.find((b) => b['type'] === 'tool_use' && b['id'] === id);
    out.push({
      name: use ? getString(use, 'name') ?? 'tool' : 'tool',
      input: use?.['input'] ?? {},
      result: resultText(block['content']),
      isError: block['is_error'] === true,
    });
  }
  return out;
}

export function describeInput(input: JsonValue): string {
  if (!isObject(input)) return '';
  const parts = Object.entries(input).map(([k, v]) => `${k} = ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return parts.join(', ');
}
