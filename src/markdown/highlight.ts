import type { HLJSApi, LanguageFn } from 'highlight.js';

/**
 * highlight.js core plus one chunk per grammar, all behind dynamic import():
 * nothing here is in the initial bundle, and a conversation only pays for the
 * languages it shows. Unknown languages stay plain (auto-detection would run
 * every grammar over every block).
 */
type Loader = () => Promise<{ default: LanguageFn }>;

const LOADERS: Readonly<Record<string, Loader>> = {
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  css: () => import('highlight.js/lib/languages/css'),
  diff: () => import('highlight.js/lib/languages/diff'),
  go: () => import('highlight.js/lib/languages/go'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  php: () => import('highlight.js/lib/languages/php'),
  python: () => import('highlight.js/lib/languages/python'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  rust: () => import('highlight.js/lib/languages/rust'),
  sql: () => import('highlight.js/lib/languages/sql'),
  swift: () => import('highlight.js/lib/languages/swift'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
};

const ALIASES: Readonly<Record<string, string>> = {
  sh: 'bash', shell: 'bash', zsh: 'bash', console: 'bash', 'c++': 'cpp', h: 'c', hpp: 'cpp', cs: 'csharp',
  golang: 'go', js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript', jsonc: 'json',
  kt: 'kotlin', md: 'markdown', py: 'python', python3: 'python', rb: 'ruby', rs: 'rust', ts: 'typescript',
  tsx: 'typescript', html: 'xml', svg: 'xml', xhtml: 'xml', yml: 'yaml', patch: 'diff',
};

/** Above this size highlighting would be a long task; such code stays plain. */
export const MAX_HIGHLIGHT_CHARS = 60_000;

/** The grammar name we can highlight `lang` with, or null. */
export function grammarFor(lang: string): string | null {
  const key = lang.trim().toLowerCase();
  const name = ALIASES[key] ?? key;
  return Object.hasOwn(LOADERS, name) ? name : null;
}

let core: Promise<HLJSApi> | undefined;
let loadedCore: HLJSApi | undefined;
const registered = new Set<string>();
const pending = new Map<string, Promise<void>>();

function loadCore(): Promise<HLJSApi> {
  core ??= Promise.all([import('highlight.js/lib/core'), import('./highlight.css')]).then(([module]) => module.default);
  return core;
}

/**
 * Evaluating highlight.js core is one task of tens of milliseconds: done while
 * the page is idle after opening rather than when the first code block of an
 * answer streams in. Grammars are small and stay on demand.
 */
export function warmUpHighlighter(): void {
  loadCore().catch(() => {
    core = undefined; // a failed load is retried when code first needs it
  });
}

/** Loads core, theme CSS and one grammar; resolves once `highlight` can use it. */
export function loadGrammar(name: string): Promise<void> {
  const existing = pending.get(name);
  if (existing !== undefined) return existing;
  const loader = LOADERS[name];
  if (loader === undefined) return Promise.resolve();
  const promise = Promise.all([loadCore(), loader()]).then(([hljs, grammar]) => {
    hljs.registerLanguage(name, grammar.default);
    loadedCore = hljs;
    registered.add(name);
  });
  pending.set(name, promise);
  return promise;
}

export function isLoaded(name: string): boolean {
  return loadedCore !== undefined && registered.has(name);
}

/** Highlighted code kept for blocks that mount again (switching back to a conversation); bounded by size. */
const cache = new Map<string, string>();
let cachedChars = 0;
const CACHE_CHARS = 4_000_000;

const cacheKey = (code: string, name: string) => `${name}\u0000${code}`;

/** The highlighted HTML of code highlighted before, or null. */
export function highlightedBefore(code: string, name: string): string | null {
  return cache.get(cacheKey(code, name)) ?? null;
}

/** Synchronous highlight if the grammar is already loaded; null otherwise. */
export function highlight(code: string, name: string): string | null {
  if (loadedCore === undefined || !registered.has(name) || code.length > MAX_HIGHLIGHT_CHARS) return null;
  // highlight.js escapes the code it is given: its output is trusted HTML.
  const html = loadedCore.highlight(code, { language: name, ignoreIllegals: true }).value;
  remember(cacheKey(code, name), html);
  return html;
}

function remember(key: string, html: string): void {
  if (cache.has(key)) return;
  cache.set(key, html);
  cachedChars += key.length + html.length;
  // Map iteration is insertion order: the oldest entries go first.
  for (const [oldKey, oldHtml] of cache) {
    if (cachedChars <= CACHE_CHARS) break;
    cache.delete(oldKey);
    cachedChars -= oldKey.length + oldHtml.length;
  }
}
