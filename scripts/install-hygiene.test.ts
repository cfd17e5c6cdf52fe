// `npm install` on a clean clone must print nothing a newcomer cannot act on.
// Its two warnings come from the lock file: a package whose `engines` rules out
// this Node (EBADENGINE), and an install script not covered by `allowScripts`.
// Both are read here from package-lock.json, so a dependency update that
// brings one back fails the unit tests, not only the CI install step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installWarnings } from './install-warnings.mjs';

const root = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
interface LockEntry {
  readonly version?: string;
  readonly engines?: { readonly node?: string };
  readonly hasInstallScript?: boolean;
}
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
const installed = Object.entries(lock.packages).filter(([path]) => path !== '');
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

type Version = readonly [number, number, number];
const parse = (text: string): Version => {
  const [major = 0, minor = 0, patch = 0] = text.replace(/^v/, '').split('.').map(Number);
  return [major, minor, patch];
};
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The `engines.node` forms the lock file uses: `>=x`, `^x[.y[.z]]`, a bare major, joined by `||`. Anything else throws. */
function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((part) => {
    const comparator = part.trim().replace(/\s+/g, '');
    if (comparator === '*' || comparator === '') return true;
    if (comparator.startsWith('>=')) return compare(v, parse(comparator.slice(2))) >= 0;
    if (comparator.startsWith('^')) {
      const low = parse(comparator.slice(1));
      return compare(v, low) >= 0 && v[0] === low[0];
    }
    if (/^v?\d+$/.test(comparator)) return v[0] === parse(comparator)[0];
    throw new Error(`unsupported engines range "${range}"`);
  });
}

describe('a quiet install', () => {
  it(`every locked package accepts this Node (${process.versions.node}): no EBADENGINE`, () => {
    const refusing = installed.filter(([, entry]) => entry.engines?.node !== undefined && !satisfies(process.versions.node, entry.engines.node));
    expect(refusing.map(([path, entry]) => `${nameOf(path)}@${entry.version ?? '?'} wants node ${entry.engines?.node ?? ''}`)).toEqual([]);
  });

  it("every package with an install script is reviewed in package.json's allowScripts", () => {
    const allowed = manifest.allowScripts ?? {};
    const unreviewed = installed
      .filter(([, entry]) => entry.hasInstallScript === true)
      .map(([path, entry]) => ({ name: nameOf(path), version: entry.version ?? '' }))
      .filter(({ name, version }) => allowed[name] === undefined && allowed[`${name}@${version}`] === undefined);
    expect(unreviewed).toEqual([]);
  });

  it('the range check reads the forms the lock file uses', () => {
    expect(satisfies('20.20.2', '>=22.12.0')).toBe(false);
    expect(satisfies('20.20.2', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies('20.18.0', '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfies('20.20.2', '18 || 20 || >=22')).toBe(true);
    expect(satisfies('20.20.2', '>= 20')).toBe(true);
    expect(satisfies('20.20.2', '>=v12.22.7')).toBe(true);
    expect(() => satisfies('20.0.0', '~20.1')).toThrow('unsupported');
  });
});

describe('installWarnings: what the CI install step fails on', () => {
  it('picks out npm warnings and nothing else', () => {
    const output = [
      'npm warn EBADENGINE Unsupported engine {',
      "npm warn EBADENGINE   package: 'commander@15.1.0',",
      '',
      'added 275 packages in 13s',
      'npm WARN deprecated inflight@1.0.6: This module is not supported',
      'npm warn install-scripts   esbuild@0.28.2 (postinstall: node install.js)',
      '> some-package postinstall: printed by its script, not by npm',
    ].join('\n');
    expect(installWarnings(output)).toEqual([
      'npm warn EBADENGINE Unsupported engine {',
      "npm warn EBADENGINE   package: 'commander@15.1.0',",
      'npm WARN deprecated inflight@1.0.6: This module is not supported',
      'npm warn install-scripts   esbuild@0.28.2 (postinstall: node install.js)',
    ]);
    expect(installWarnings('\nadded 275 packages in 13s\n')).toEqual([]);
  });
});
