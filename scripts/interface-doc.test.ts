// The README's interface section is a contract outside scripts rely on: every
// message role the app renders, and every status it can carry, must be listed
// there. Read from the source, so a new role or status fails here until it is documented.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Interface for scripts and tests'));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.tsx') && !name.includes('.test.') ? [path] : [];
  });
}

const tsx = sources(join(root, 'src')).map((path) => readFileSync(path, 'utf8'));
/** Each rendered `data-role="x"` with the string literals of its `data-status` (a plain variable gives none). */
const roles = tsx.flatMap((text) =>
  [...text.matchAll(/data-role="([a-z_]+)"(?:\s+data-status=(\{[^}]*\}|"[^"]*"))?/g)].map((m) => ({
    role: m[1] ?? '',
    // A plain attribute, or the branches of a conditional (not the operands of a comparison).
    statuses: (m[2] ?? '').startsWith('"') ? [(m[2] ?? '').slice(1, -1)] : [...(m[2] ?? '').matchAll(/[?:]\s*'([a-z_]+)'/g)].map((s) => s[1] ?? ''),
  })),
);
const rowOf = (role: string) => section.split('\n').find((line) => line.includes(`data-role="${role}"`)) ?? '';

describe("README's interface section", () => {
  it('exists and the source renders the roles it is about', () => {
    expect(section.length).toBeGreaterThan(100);
    expect(roles.map((r) => r.role)).toEqual(expect.arrayContaining(['user', 'assistant', 'tool_results']));
  });

  it.each(roles.map((r) => [r.role, r.statuses] as const))('documents data-role="%s" with each status %j', (role, statuses) => {
    expect(rowOf(role), `no row for data-role="${role}"`).not.toBe('');
    for (const status of statuses) expect(rowOf(role)).toContain(`\`${status}\``);
  });

  it("lists every assistant status the protocol's MessageStatus has", () => {
    const source = readFileSync(join(root, 'src/protocol/message.ts'), 'utf8');
    const union = /export type MessageStatus = ([^;]+);/.exec(source)?.[1] ?? '';
    const statuses = [...union.matchAll(/'([a-z_]+)'/g)].map((m) => m[1] ?? '');
    expect(statuses.length).toBeGreaterThanOrEqual(5);
    for (const status of statuses) expect(rowOf('assistant')).toContain(`\`${status}\``);
  });
});
