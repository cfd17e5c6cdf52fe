// Prints the mutation score of every mutated file from Stryker's JSON report,
// lowest first, and fails when one is under the bar (90%). The score is
// Stryker's own: mutants detected (killed, or timed out) over the valid ones
// (all but those that did not compile or were ignored); a mutant no test even
// runs ("no coverage") counts as survived.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const BAR = 90;
const DETECTED = new Set(['Killed', 'Timeout']);
const INVALID = new Set(['CompileError', 'RuntimeError', 'Ignored']);

/** Per file: detected, valid, survived, no coverage and the score (null when the file has no valid mutant). */
export function scores(report) {
  return Object.entries(report.files)
    .map(([file, { mutants }]) => {
      const valid = mutants.filter((m) => !INVALID.has(m.status));
      const detected = valid.filter((m) => DETECTED.has(m.status)).length;
      return {
        file,
        valid: valid.length,
        detected,
        survived: valid.filter((m) => m.status === 'Survived').length,
        noCoverage: valid.filter((m) => m.status === 'NoCoverage').length,
        score: valid.length === 0 ? null : (100 * detected) / valid.length,
      };
    })
    .sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || a.file.localeCompare(b.file));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = process.argv[2] ?? 'node_modules/.cache/mutation/mutation.json';
  if (!existsSync(path)) {
    console.error(`No mutation report at ${path}: run \`npx stryker run\` first.`);
    process.exit(1);
  }
  const rows = scores(JSON.parse(readFileSync(path, 'utf8')));
  const width = Math.max(...rows.map((r) => r.file.length));
  console.log(`${'file'.padEnd(width)}  score  detected/valid  survived  no coverage`);
  for (const r of rows) {
    const score = r.score === null ? '   --' : `${r.score.toFixed(1).padStart(5)}`;
    console.log(`${r.file.padEnd(width)}  ${score}  ${`${r.detected}/${r.valid}`.padStart(14)}  ${String(r.survived).padStart(8)}  ${String(r.noCoverage).padStart(11)}`);
  }
  const all = rows.reduce((t, r) => ({ detected: t.detected + r.detected, valid: t.valid + r.valid }), { detected: 0, valid: 0 });
  console.log(`all files: ${((100 * all.detected) / Math.max(1, all.valid)).toFixed(1)}% (${all.detected}/${all.valid})`);
  const below = rows.filter((r) => r.score !== null && r.score < BAR);
  if (below.length > 0) {
    console.error(`${below.length} file(s) under ${BAR}%: ${below.map((r) => r.file).join(', ')}`);
    process.exit(1);
  }
}
