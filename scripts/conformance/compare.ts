// Deep comparison of two outcomes, by canonical JSON (key order and
// undefined-valued keys do not count), naming the first differing path.

export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

/** The first path where a and b differ, or null when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  const ca = canonical(a);
  const cb = canonical(b);
  if (JSON.stringify(ca) === JSON.stringify(cb)) return null;
  if (ca === null || cb === null || typeof ca !== 'object' || typeof cb !== 'object' || Array.isArray(ca) !== Array.isArray(cb)) {
    return `${path}: ${JSON.stringify(ca)?.slice(0, 80)} vs ${JSON.stringify(cb)?.slice(0, 80)}`;
  }
  const keys = new Set([...Object.keys(ca), ...Object.keys(cb)]);
  for (const key of keys) {
    const diff = firstDifference((ca as Record<string, unknown>)[key], (cb as Record<string, unknown>)[key], `${path}.${key}`);
    if (diff !== null) return diff;
  }
  return `${path}: differs`;
}
