// ESLint: typescript-eslint's recommended rules, the React hooks rules, and
// import boundaries that encode the README's "Layout". `npm run lint`.
//
// typescript-eslint's non-type-checked set: on this 2-core machine the
// type-checked set took 21 s against 6 s, and most of the 186 reports it
// added were noise (untyped .mjs scripts and JSON values reported as `any`).
// `tsc -b` does the type checking; this is for what tsc does not check.
// Nothing in either recommended set is turned off: none of their rules is
// stylistic churn here (no-unused-vars, the one that fired in bulk, is set
// to the code's `_` convention below). The React hooks set includes the
// React Compiler's checks (refs and impure calls during render, setState in
// an effect): departures from React's rules, not style.
//
// typescript-eslint parses with the `typescript` package's JavaScript API,
// which TypeScript 7 does not have: package.json installs TypeScript 6.0
// as `typescript` for it, and TypeScript 7 (`tsc`) as `@typescript/native`.
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------
// Import boundaries.
//
// Built on ESLint's own `no-restricted-imports` (and typescript-eslint's
// version of it, for `allowTypeImports`), matching the import path as
// written. A path alone does not say where it leads, so the patterns are
// generated per depth below src/: from src/chat/x.ts, `../` leaves chat;
// from src/chat/blocks/x.tsx it takes `../../`.
//
// Zones:
// - server/ never imports src/, and src/ never imports server/.
// - A folder's index.ts is its public face: from outside a folder under src/,
//   import `../folder`, never `../folder/file`. Tests may also reach the
//   Node-only helpers that stay out of the index so the app never bundles
//   them (test-support, test-helpers, node-shims).
// - src/protocol/ imports nothing of ours: no relative import leaves it.
// - src/settings/, src/tools/ and src/record/ import only src/protocol: they
//   are pure leaves, which is what lets src/store use them (next rule).
// - src/store/ imports no feature folder's code; type-only imports aside (the
//   message types name an Attachment, for instance). The core it may import
//   is src/protocol (the streamed message it holds), src/settings (a new
//   conversation's default settings) and src/tools (the names of the built-in
//   tools a new conversation enables): pure modules with no React, no I/O,
//   and nothing that imports the store back, so the store stays a plain
//   module that loads and tests under Node. Everything else (chat, markdown,
//   inspector, usage, history, app, attachments, transport, persistence, ui,
//   and any folder added later) builds on the store, not under it.
//
// bench/, scripts/ and e2e/ are tools, not layers: they may import modules
// directly (a Node benchmark imports markdown's splitter without the React
// components its index also exports).
// ---------------------------------------------------------------------------

/** Depths below src/: 0 is src/main.tsx, 1 is src/chat/x.ts, 2 is src/chat/blocks/x.tsx; deeper files are not checked. */
const DEPTHS = [0, 1, 2, 3];
const STORE_CORE = ['protocol', 'settings', 'tools'];
const TEST_SUPPORT = ['test-support', 'test-helpers', 'node-shims'];

/** Regex source for the path prefix that leads from a file at `depth` up to src/ itself. */
const toSrc = (depth) => (depth === 0 ? '\\./' : '(?:\\.\\./){' + depth + '}');

/** Files at exactly `depth` below src/, within `folder` (any folder when '*'). */
const filesAt = (folder, depth, suffix = '') =>
  depth === 0 ? [`src/*${suffix}.{ts,tsx}`] : [`src/${folder}/${'*/'.repeat(depth - 1)}*${suffix}.{ts,tsx}`];

const noServer = (depth) => ({
  regex: `^(?:\\.\\./){${depth + 1}}server(?:/|$)`,
  caseSensitive: true,
  message: 'src/ never imports server/: the browser app and the Node server share no code.',
});

const publicFace = (depth, test) => ({
  regex: `^${toSrc(depth)}[^./][^/]*/${test ? `(?!(?:${TEST_SUPPORT.join('|')})$)` : ''}`,
  caseSensitive: true,
  message:
    "Import another folder through its index ('../folder'; './folder' from src/), not one of its files: index.ts is the folder's public face." +
    (test ? ' Tests may also import its Node-only helpers (test-support, test-helpers, node-shims).' : ''),
});

const protocolImportsNothing = (depth) => ({
  regex: `^${toSrc(depth)}`,
  caseSensitive: true,
  message: 'src/protocol/ is pure and imports nothing of ours: no relative import leaves the folder.',
});

const onlyProtocol = (depth) => ({
  regex: `^${toSrc(depth)}(?!protocol$)`,
  caseSensitive: true,
  message: 'src/settings/, src/tools/ and src/record/ are pure leaves (the store builds on them): they import only ../protocol.',
});

const storeCoreOnly = (depth) => ({
  regex: `^${toSrc(depth)}(?!(?:${STORE_CORE.join('|')})$)[^./]`,
  caseSensitive: true,
  allowTypeImports: true,
  message: `src/store/ builds on ${STORE_CORE.map((f) => `../${f}`).join(', ')} only; import feature folders' types with \`import type\`.`,
});

const restrict = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

const boundaries = [
  { files: ['server/**/*.{ts,tsx,js,mjs}'], rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^(?:\\.\\./)+src(?:/|$)', caseSensitive: true, message: 'server/ never imports src/: the Node server and the browser app share no code.' }] }] } },
  // Later blocks replace earlier ones' options for the same file, so each
  // block carries every pattern that applies to its files.
  ...DEPTHS.flatMap((depth) => [
    restrict(filesAt('*', depth), [publicFace(depth, false), noServer(depth)]),
    restrict(filesAt('*', depth, '.test'), [publicFace(depth, true), noServer(depth)]),
  ]),
  ...DEPTHS.filter((depth) => depth > 0).flatMap((depth) => [
    restrict(filesAt('protocol', depth), [protocolImportsNothing(depth)]),
    restrict([...filesAt('settings', depth), ...filesAt('tools', depth), ...filesAt('record', depth)], [onlyProtocol(depth)]),
    { files: filesAt('store', depth), rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [storeCoreOnly(depth)] }] } },
  ]),
];

export default defineConfig(
  { ignores: ['dist/', 'fixtures/', 'public/', 'docs/', 'test-results/', 'playwright-report/'] },
  tseslint.configs.recommended,
  {
    rules: {
      // The code base's convention, and tsc's (noUnusedLocals/Parameters):
      // a leading underscore marks a deliberately unused name, as in
      // `const { drop: _drop, ...rest } = value` or `(_event) => ...`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  ...boundaries,
);
