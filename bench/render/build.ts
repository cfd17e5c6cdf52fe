// Builds the app with Vite's build() API into temp dirs, with bench-only
// aliases (nothing in src/ or vite.config.ts knows about them):
// - app: as it is;
// - naive: the naive renderer (naive-markdown.ts) over src/markdown, so the
//   whole message is re-parsed and its HTML replaced on every store update,
//   while the store still applies the stream once per frame;
// - ref (the A/B mode): the app as it is at another commit, built from a git
//   worktree of that commit the same way as "app" (see ab.ts).
// Also sizes the initial JavaScript: the entry script plus its modulepreload
// links, gzipped.
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type InlineConfig } from 'vite';
import { NAIVE_MARKER } from './naive-markdown';

export type Mode = 'app' | 'naive';

export interface Built {
  /** "app", "naive", or "ref <commit>". */
  readonly label: string;
  readonly dir: string;
  readonly seconds: number;
}

export const ROOT = resolve(import.meta.dirname, '../..');
const NAIVE_MODULE = resolve(import.meta.dirname, 'naive-markdown.ts');

/**
 * The only imports of the markdown package in the app are text-block.tsx's
 * `../../markdown` and app.tsx's `../markdown`; the alias matches those
 * specifiers exactly. The naive build is then checked for the marker, so a
 * renamed import fails loudly instead of silently benchmarking the app
 * against itself.
 */
function configFor(root: string, naive: boolean, outDir: string, cacheName: string): InlineConfig {
  return {
    root,
    configFile: resolve(root, 'vite.config.ts'),
    configLoader: 'runner',
    logLevel: 'error',
    clearScreen: false,
    // A cache of its own: never share node_modules/.vite with a running dev server.
    cacheDir: join(outDir, '..', `vite-cache-${cacheName}`),
    build: { outDir, emptyOutDir: true, sourcemap: 'hidden', reportCompressedSize: false },
    ...(naive ? { resolve: { alias: [{ find: /^(?:\.\.\/)+markdown$/, replacement: NAIVE_MODULE }] } } : {}),
  };
}

export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'bench-render-'));
}

/** Builds this checkout as `mode` into temp/mode/dist. */
export async function buildMode(temp: string, mode: Mode): Promise<Built> {
  const dir = join(temp, mode, 'dist');
  const t0 = performance.now();
  await build(configFor(ROOT, mode === 'naive', dir, mode));
  const built = { label: mode, dir, seconds: (performance.now() - t0) / 1000 };
  const naive = await bundleContains(dir, NAIVE_MARKER);
  if (naive !== (mode === 'naive')) throw new Error(`The bench alias did not take effect as expected in the ${mode} build (naive markdown found: ${naive}).`);
  return built;
}

/** Builds the app checked out at `root` (another commit's worktree), as build "app" is built, into temp/ref/dist. */
export async function buildAt(temp: string, root: string, label: string): Promise<Built> {
  const dir = join(temp, 'ref', 'dist');
  const t0 = performance.now();
  await build(configFor(root, false, dir, 'ref'));
  return { label, dir, seconds: (performance.now() - t0) / 1000 };
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
