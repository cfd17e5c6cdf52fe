// Minimal JSON value model and narrowing helpers, so request bodies can be
// inspected without `any` and without trusting their shape.

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isArray(value: unknown): value is JsonValue[] {
  return Array.isArray(value);
}

export function getString(obj: JsonObject, key: string): string | undefined {
  const v = obj[key];
  return typeof v === 'string' ? v : undefined;
}

export function getNumber(obj: JsonObject, key: string): number | undefined {
  const v = obj[key];
  return typeof v === 'number' ? v : undefined;
}

export function getObject(obj: JsonObject, key: string): JsonObject | undefined {
  const v = obj[key];
  return isObject(v) ? v : undefined;
}

export function getArray(obj: JsonObject, key: string): JsonValue[] | undefined {
  const v = obj[key];
  return isArray(v) ? v : undefined;
}

/** Parses JSON text into a JsonValue; returns undefined on a syntax error. */
export function parseJson(text: string): JsonValue | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return toJsonValue(parsed);
  } catch {
    return undefined;
  }
}

function toJsonValue(value: unknown): JsonValue {
  // JSON.parse only ever produces these shapes; this walk exists to give the
  // result a precise type instead of casting.
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => toJsonValue(v));
  const out: JsonObject = {};
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out[k] = toJsonValue(v);
  }
  return out;
}
