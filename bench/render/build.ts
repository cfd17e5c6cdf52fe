// Builds the app three times with Vite's build() API into temp dirs, with
// bench-only aliases (nothing in src/ or vite.config.ts knows about them):
// - app: as it is;
// - naive: the naive renderer (naive-markdown.ts) over src/markdown, so the
//   whole message is re-parsed on every store update, while the store still
//   coalesces updates to one per frame;
// - naive-delta: the reference, a renderer that re-renders the whole
//   message on every delta: naive-markdown.ts, plus a store write and a
//   synchronous render per delta (naive-batcher.ts), parsing on the page
//   (naive-transport.ts), every message handed on by itself. Also
//   sizes the initial
// JavaScript: the entry script plus its modulepreload links, gzipped.
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type InlineConfig } from 'vite';
import { NAIVE_BATCHER_MARKER } from './naive-batcher';
import { NAIVE_MARKER } from './naive-markdown';

export type Mode = 'app' | 'naive' | 'naive-delta';
export const MODES: readonly Mode[] = ['app', 'naive', 'naive-delta'];

export interface Built {
  readonly mode: Mode;
  readonly dir: string;
  readonly seconds: number;
}

export const ROOT = resolve(import.meta.dirname, '../..');
const NAIVE_MODULE = resolve(import.meta.dirname, 'naive-markdown.ts');
const NAIVE_BATCHER = resolve(import.meta.dirname, 'naive-batcher.ts');
const NAIVE_TRANSPORT = resolve(import.meta.dirname, 'naive-transport.ts');

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
    ...(mode === 'app' ? {} : { resolve: { alias: aliasesFor(mode) } }),
  };
}

function aliasesFor(mode: Exclude<Mode, 'app'>): Array<{ find: RegExp; replacement: string }> {
  const markdown = { find: /^(?:\.\.\/)+markdown$/, replacement: NAIVE_MODULE };
  if (mode === 'naive') return [markdown];
  // store/index.ts and transport/index.ts are the only importers of these two.
  return [markdown, { find: /^\.\/frame-batcher$/, replacement: NAIVE_BATCHER }, { find: /^\.\/stream-client$/, replacement: NAIVE_TRANSPORT }];
}

export async function buildAll(): Promise<{ readonly temp: string; readonly builds: Record<Mode, Built> }> {
  const temp = await mkdtemp(join(tmpdir(), 'bench-render-'));
  const builds = {} as Record<Mode, Built>;
  for (const mode of MODES) {
    const dir = join(temp, mode, 'dist');
    const t0 = performance.now();
    await build(configFor(mode, dir));
    builds[mode] = { mode, dir, seconds: (performance.now() - t0) / 1000 };
  }
  const expected: Record<Mode, readonly [boolean, boolean]> = { app: [false, false], naive: [true, false], 'naive-delta': [true, true] };
  for (const mode of MODES) {
    const found = [await bundleContains(builds[mode].dir, NAIVE_MARKER), await bundleContains(builds[mode].dir, NAIVE_BATCHER_MARKER)];
    const [markdown, batcher] = expected[mode];
    if (found[0] !== markdown || found[1] !== batcher) throw new Error(`The bench aliases did not take effect in the ${mode} build (naive markdown: ${found[0]}, per-delta store: ${found[1]}).`);
  }
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
