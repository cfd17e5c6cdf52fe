// npm run conformance -- [--json report.json] <dir>...
// Replays every *.sse file through the app's path as the browser runs it (the
// stream service behind a worker boundary, then the page's queue and
// reducer), and through the same service on the page, at five chunkings, and
// compares each final message with the official SDK's MessageStream over the
// same bytes. Where the SDK cannot answer, the comparison is against a
// reviewed golden message beside the transcript, itself checked against the
// SDK on a patched copy. A file passes only when something was compared.
// Prints one line per file and a closing `N passed, N failed`; exits non-zero
// on a failure.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNKINGS } from './conformance/chunking';
import { firstDifference } from './conformance/compare';
import { differenceBeforeUnreadable, malformedEvents, truncatedInputs, withoutMalformedEvents, withoutSdkOnlyFields, withoutTouchedFields } from './conformance/known-differences';
import { APP_PATHS, appPath, sdkPath, type Outcome } from './conformance/paths';

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

interface Golden {
  readonly patch: ReadonlyArray<readonly [string, string]>;
  readonly message: unknown;
}

for (const dir of dirs) {
  if (!existsSync(dir)) {
    failed += 1;
    failures.push(`${dir}: no such directory`);
    console.log(`FAIL ${dir}: no such directory`);
    continue;
  }
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.sse')).sort()) {
    const file = join(dir, name);
    const goldenFile = file.replace(/\.sse$/, '.golden.json');
    const golden = existsSync(goldenFile) ? (JSON.parse(readFileSync(goldenFile, 'utf8')) as Golden) : null;
    const notes = new Set<string>();
    const { problem, compared } = await checkFile(readFileSync(file, 'utf8'), golden, notes);
    const result = problem ?? (compared === 0 ? 'nothing was compared' : null);
    if (result === null) {
      passed += 1;
      console.log(`ok   ${file} (${compared} comparisons)${[...notes].map((n) => `\n       known difference: ${n}`).join('')}`);
    } else {
      failed += 1;
      failures.push(`${file}: ${result}`);
      console.log(`FAIL ${file}: ${result}`);
    }
  }
}

async function checkFile(text: string, golden: Golden | null, notes: Set<string>): Promise<{ problem: string | null; compared: number }> {
  const bytes = new TextEncoder().encode(text);
  // The app skips an unreadable event and keeps going; the SDK throws and stops. So a stream with
  // unreadable events is compared in full (the fields they touched included) with the SDK on the
  // same stream without them, and the text the SDK had when it stopped on the stream as sent must
  // begin ours. Excused: only each event's own delta, which neither side can read.
  const unreadable = malformedEvents(text);
  const sdkBytes = unreadable.length === 0 ? bytes : new TextEncoder().encode(withoutMalformedEvents(text));
  for (const e of unreadable) {
    const field = e.index === null ? 'no block named' : `content[${e.index}]${e.field === null ? '' : `.${e.field}`}`;
    notes.add(
      `unreadable ${e.name} (${field}): its own delta is excused (unreadable, lost to both); ${field} is compared in full with the SDK on the stream without it, and the SDK's text up to it (stream as sent, where the SDK stops) as a prefix of ours`,
    );
  }
  if (golden !== null) {
    const patched = golden.patch.reduce((s, [from, to]) => s.replace(from, to), text);
    const sdk = await sdkPath([new TextEncoder().encode(patched)]);
    const diff = firstDifference(withoutUsage(golden.message), withoutUsage(withoutSdkOnlyFields(sdk.message, notes)));
    if (sdk.ending !== 'complete' || diff !== null) return { problem: `golden message disagrees with the SDK on the patched copy: ${sdk.ending} ${diff ?? ''}`, compared: 0 };
    notes.add('compared with the reviewed golden message (the SDK throws on this transcript); the golden message matches the SDK on a copy with usage added');
  }
  let compared = 0;
  for (const chunking of CHUNKINGS) {
    const reference: Outcome = golden !== null ? { message: golden.message, ending: 'complete' } : await sdkPath(chunking.split(sdkBytes));
    const asSent = unreadable.length === 0 ? null : await sdkPath(chunking.split(bytes));
    for (const path of APP_PATHS) {
      const where = `[${path}, ${chunking.name}]`;
      const ours = await appPath(path, chunking.split(bytes));
      const ending = unreadable.length > 0 && ours.ending === 'malformed' && reference.ending === 'complete' ? 'complete' : ours.ending;
      if (ending !== reference.ending) return { problem: `${where} ending: ours ${ours.ending}, reference ${reference.ending}`, compared };
      if (asSent !== null) {
        if (asSent.ending !== 'malformed') return { problem: `${where} the SDK on the stream as sent ended ${asSent.ending}, not malformed`, compared };
        const before = differenceBeforeUnreadable(ours.message, asSent.message, unreadable, notes);
        if (before !== null) return { problem: `${where} ${before}`, compared };
      }
      // Every excused field is taken out of both sides first, so a difference anywhere else still fails.
      const excused = truncatedInputs(ours, notes);
      const diff = firstDifference(withoutTouchedFields(ours.message, excused), withoutTouchedFields(withoutSdkOnlyFields(reference.message, notes), excused));
      compared += 1;
      if (diff !== null) return { problem: `${where} ${diff}`, compared };
    }
  }
  return { problem: null, compared };
}

function withoutUsage(message: unknown): unknown {
  if (message === null || typeof message !== 'object') return message;
  const { usage: _usage, ...rest } = message as Record<string, unknown>;
  return rest;
}

if (jsonReport !== null) writeFileSync(jsonReport, JSON.stringify({ passed, failed, failures }, null, 2));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
