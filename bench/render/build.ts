// Builds the app twice with Vite's build() API into temp dirs: as it is, and
// with the naive renderer aliased over src/markdown (a bench-only config, so
// nothing in src/ or vite.config.ts knows about it). Also sizes the initial
// JavaScript: the entry script plus its modulepreload links, gzipped.
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type InlineConfig } from 'vite';
import { NAIVE_MARKER } from './naive-markdown';

export type Mode = 'app' | 'naive';

export interface Built {
  readonly mode: Mode;
  readonly dir: string;
  readonly seconds: number;
}

export const ROOT = resolve(import.meta.dirname, '../..');
const NAIVE_MODULE = resolve(import.meta.dirname, 'naive-markdown.ts');

/**
 * The only import of the markdown package in the app is text-block.tsx's
 * `../../markdown`; the alias matches that specifier exactly. The naive build
 * is then checked for the marker, so a renamed import fails loudly instead of
 * silently benchmarking the app against itself.
 */
function configFor(mode: Mode, outDir: string): InlineConfig {
  return {
    root: ROOT,
    configFile: resolve(ROOT, 'vite.config.ts'),
    configLoader: 'runner',
    logLevel: 'error',
    clearScreen: false,
    // A cache of its own: never share node_modules/.vite with a running dev server.
    cacheDir: join(outDir, '..', `vite-cache-${mode}`),
    build: { outDir, emptyOutDir: true, sourcemap: 'hidden', reportCompressedSize: false },
    ...(mode === 'naive' ? { resolve: { alias: [{ find: /^(?:\.\.\/)+markdown$/, replacement: NAIVE_MODULE }] } } : {}),
  };
}

export async function buildBoth(): Promise<{ readonly temp: string; readonly builds: Record<Mode, Built> }> {
  const temp = await mkdtemp(join(tmpdir(), 'bench-render-'));
  const builds = {} as Record<Mode, Built>;
  for (const mode of ['app', 'naive'] as const) {
    const dir = join(temp, mode, 'dist');
    const t0 = performance.now();
    await build(configFor(mode, dir));
    builds[mode] = { mode, dir, seconds: (performance.now() - t0) / 1000 };
  }
  const naiveHas = await bundleContains(builds.naive.dir, NAIVE_MARKER);
  const appHas = await bundleContains(builds.app.dir, NAIVE_MARKER);
  if (!naiveHas || appHas) throw new Error(`The naive alias did not take effect (naive build has marker: ${naiveHas}, app build has it: ${appHas}).`);
  return { temp, builds };
}

async function bundleContains(dir: string, needle: string): Promise<boolean> {
  const assets = join(dir, 'assets');
  for (const name of await readdir(assets)) {
    if (name.endsWith('.js') && (await readFile(join(assets, name), 'utf8')).includes(needle)) return true;
  }
  return false;
}

export interface InitialJs {
  readonly files: ReadonlyArray<{ readonly file: string; readonly bytes: number; readonly gzip: number }>;
  readonly bytes: number;
  readonly gzip: number;
  readonly cssGzip: number;
}

/** The entry module and its modulepreload links from the built index.html, gzipped (zlib, level 9). */
export async function initialJs(dir: string): Promise<InitialJs> {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? '');
  const preloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1] ?? '');
  const styles = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1] ?? '');
  const js = [...new Set([...scripts, ...preloads])].filter((src) => src.startsWith('/'));
  if (js.length === 0) throw new Error('No module script found in the built index.html.');
  const files = await Promise.all(
    js.map(async (src) => {
      const body = await readFile(join(dir, src));
      return { file: src, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
    }),
  );
  let cssGzip = 0;
  for (const href of styles.filter((h) => h.startsWith('/'))) cssGzip += gzipSync(await readFile(join(dir, href)), { level: 9 }).length;
  return { files, bytes: files.reduce((n, f) => n + f.bytes, 0), gzip: files.reduce((n, f) => n + f.gzip, 0), cssGzip };
}
