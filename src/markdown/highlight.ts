import type { HLJSApi, LanguageFn } from 'highlight.js';

/**
 * highlight.js core plus one chunk per grammar, all behind dynamic import():
 * nothing here is in the initial bundle, and a conversation only pays for the
 * languages it shows. Unknown languages stay plain (auto-detection would run
 * every grammar over every block). No DOM here: this runs in the highlight
 * worker (see highlighter.ts), and on the page when no worker can start.
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

/** Above this size, inserting a block's highlighted HTML would be a long task for the page: such code stays plain. */
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
  if (core === undefined) {
    core = import('highlight.js/lib/core').then((module) => module.default);
    core.catch(() => {
      core = undefined; // a failed load is retried when code next needs it
    });
  }
  return core;
}

/**
 * Evaluating highlight.js core is one task of tens of milliseconds: done
 * ahead of the first code block, while the page is idle after opening.
 * Grammars are small and stay on demand. A failed load is retried later.
 */
export function warmUpCore(): void {
  void loadCore();
}

/** Loads core and one grammar; resolves once `highlightLoaded` can use it. */
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
  promise.catch(() => pending.delete(name)); // retried on the next request
  pending.set(name, promise);
  return promise;
}

/** The code highlighted as HTML, if its grammar has loaded and it is not too large; null otherwise (never throws). */
export function highlightLoaded(code: string, name: string): string | null {
  if (loadedCore === undefined || !registered.has(name) || code.length > MAX_HIGHLIGHT_CHARS) return null;
  try {
    // highlight.js escapes the code it is given: its output is trusted HTML.
    return loadedCore.highlight(code, { language: name, ignoreIllegals: true }).value;
  } catch {
    return null; // a grammar that throws on some input leaves that code plain
  }
}
