// Mutation testing of the pure core (`npm run test:mutation`): Stryker changes
// the code one small way at a time (a condition flipped, a branch emptied, a
// string blanked) and runs the unit tests against each change; a change no
// test notices is a behaviour no test pins down. Kept out of `npm test`: it
// takes minutes. scripts/mutation-scores.mjs prints the score per file and
// fails below 90%.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/protocol/**/*.ts',
    'src/usage/**/*.ts',
    'src/settings/**/*.ts',
    'src/tools/**/*.ts',
    'src/transport/retry-policy.ts',
    '!src/**/*.test.ts',
    // Test helpers, not product code.
    '!src/protocol/test-support.ts',
  ],
  // TypeScript 7 has no JavaScript API for Stryker's tsconfig preprocessor to
  // call: pointing it at a file that does not exist makes Stryker skip it.
  // Vitest strips the types itself.
  tsconfigFile: 'stryker.no-tsconfig.json',
  coverageAnalysis: 'perTest',
  // Two cores, shared with other work.
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'node_modules/.cache/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // Not under node_modules: Vitest ignores test files there.
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 95, low: 90, break: null },
};
