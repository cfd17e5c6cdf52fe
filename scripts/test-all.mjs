// `npm test`: type check, lint, unit tests, fresh fixtures, conformance and end-to-end tests, then
// one closing line `N passed, N failed` summed over every suite, read from
// each runner's JSON report (their own summaries are not machine-stable).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const reports = join(process.cwd(), 'node_modules', '.cache', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const suites = [];
const run = (name, command, args, env = {}) => {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
};
const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);

// 1. Types: a failure counts as one failed check.
const typecheck = run('typecheck', 'npx', ['tsc', '-b']);
suites.push({ name: 'typecheck', passed: typecheck === 0 ? 1 : 0, failed: typecheck === 0 ? 0 : 1 });

// 2. Lint (eslint.config.js): a failure counts as one failed check.
const lint = run('lint', 'npm', ['run', '--silent', 'lint']);
suites.push({ name: 'lint', passed: lint === 0 ? 1 : 0, failed: lint === 0 ? 0 : 1 });

// 3. Unit tests.
const vitestReport = join(reports, 'vitest.json');
const vitestStatus = run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
const vitest = readJson(vitestReport);
suites.push(
  vitest === null
    ? { name: 'unit', passed: 0, failed: 1 }
    : { name: 'unit', passed: vitest.numPassedTests, failed: vitest.numFailedTests + (vitestStatus !== 0 && vitest.numFailedTests === 0 ? 1 : 0) },
);

// 4. Conformance against the official SDK over the recorded and generated streams.
// The simulator's transcripts are generated again and compared with the committed ones: a stale one fails.
const fixtures = run('fixtures', 'npx', ['tsx', 'scripts/make-fixtures.ts', '--check']);
suites.push({ name: 'fixtures', passed: fixtures === 0 ? 1 : 0, failed: fixtures === 0 ? 0 : 1 });

const conformanceReport = join(reports, 'conformance.json');
const conformanceStatus = run('conformance', 'npx', ['tsx', 'scripts/conformance.ts', '--json', conformanceReport, 'fixtures/anthropic-sse', 'fixtures/generated']);
const conformance = readJson(conformanceReport);
suites.push(
  conformance === null
    ? { name: 'conformance', passed: 0, failed: 1 }
    : { name: 'conformance', passed: conformance.passed, failed: conformance.failed + (conformanceStatus !== 0 && conformance.failed === 0 ? 1 : 0) },
);

// 5. End-to-end in Chromium.
const e2eReport = join(reports, 'playwright.json');
const chromiumStatus = run('chromium', 'node', ['scripts/ensure-chromium.mjs']);
if (chromiumStatus === 0) {
  const e2eStatus = run('e2e', 'npx', ['playwright', 'test'], { CI_JSON_REPORT: e2eReport });
  const e2e = readJson(e2eReport);
  const stats = e2e?.stats;
  suites.push(
    stats === undefined
      ? { name: 'e2e', passed: 0, failed: 1 }
      : { name: 'e2e', passed: stats.expected + stats.flaky, failed: stats.unexpected + (e2eStatus !== 0 && stats.unexpected === 0 ? 1 : 0) },
  );
} else {
  suites.push({ name: 'e2e', passed: 0, failed: 1 });
}

console.log('');
for (const s of suites) console.log(`${s.name}: ${s.passed} passed, ${s.failed} failed`);
const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
