// The naive build swaps src/markdown's index for naive-markdown.ts: a name the
// app imports from src/markdown that the stand-in lacks breaks bench:render's
// build (it did once, unnoticed, when the server tools' code blocks came).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as naive from './naive-markdown';

/** The value names src/markdown/index.ts exports (types aside). */
function exportedValues(source: string): string[] {
  const names: string[] = [];
  for (const [, list] of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of (list ?? '').split(',')) {
      const name = item.trim().split(/\s+as\s+/).pop()?.trim() ?? '';
      if (name !== '' && !name.startsWith('type ')) names.push(name);
    }
  }
  return names;
}

describe('the naive renderer stand-in', () => {
  it('exports every value src/markdown exports', () => {
    const wanted = exportedValues(readFileSync(new URL('../../src/markdown/index.ts', import.meta.url), 'utf8'));
    expect(wanted).toContain('Markdown');
    expect(wanted.filter((name) => !(name in naive))).toEqual([]);
  });
});
