// npm run conformance -- [--json report.json] <dir>...
// Replays every *.sse file through the app's decoding path and the official
// SDK at several chunkings and compares the final messages. Prints one line
// per file and a closing `N passed, N failed`; exits non-zero on a failure.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNKINGS } from './conformance/chunking';
import { firstDifference } from './conformance/compare';
import { explainDifference, explainSdkFailure, withoutSdkOnlyFields } from './conformance/known-differences';
import { ourPath, sdkPath } from './conformance/paths';

const args = process.argv.slice(2);
let jsonReport: string | null = null;
const dirs: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--json') jsonReport = args[++i] ?? null;
  else if (args[i] !== undefined) dirs.push(args[i] as string);
}
if (dirs.length === 0) dirs.push('fixtures/anthropic-sse');

let passed = 0;
let failed = 0;
const failures: string[] = [];

for (const dir of dirs) {
  if (!existsSync(dir)) {
    failed += 1;
    failures.push(`${dir}: no such directory`);
    console.log(`FAIL ${dir}: no such directory`);
    continue;
  }
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.sse')).sort()) {
    const file = join(dir, name);
    const notes = new Set<string>();
    const problem = await checkFile(new Uint8Array(readFileSync(file)), notes);
    if (problem === null) {
      passed += 1;
      console.log(`ok   ${file}${[...notes].map((n) => `\n       known difference: ${n}`).join('')}`);
    } else {
      failed += 1;
      failures.push(`${file}: ${problem}`);
      console.log(`FAIL ${file}: ${problem}`);
    }
  }
}

async function checkFile(bytes: Uint8Array, notes: Set<string>): Promise<string | null> {
  for (const chunking of CHUNKINGS) {
    const chunks = chunking.split(bytes);
    const [ours, sdk] = await Promise.all([ourPath(chunks), sdkPath(chunks)]);
    if (ours.ending !== sdk.ending) {
      const known = explainSdkFailure(sdk, ours);
      if (known === null) return `[${chunking.name}] ending: ours ${ours.ending}, SDK ${sdk.ending}`;
      notes.add(`${known.field}: ${known.reason}`);
      continue;
    }
    const diff = firstDifference(ours.message, withoutSdkOnlyFields(sdk.message, notes));
    if (diff === null) continue;
    const known = explainDifference(diff, ours);
    if (known === null) return `[${chunking.name}] ${diff}`;
    notes.add(`${known.field}: ${known.reason}`);
  }
  return null;
}

if (jsonReport !== null) writeFileSync(jsonReport, JSON.stringify({ passed, failed, failures }, null, 2));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
