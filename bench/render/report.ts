// The table bench:render ends with: every figure, for each build side by side
// (the median of its runs, with min–max), its target, and whether it is met.
// Only the first column (the app as it is) is gated; the others are there to
// compare with, their verdicts in lower case.
import { median } from './stats';

export interface Figure {
  /** A heading row instead of a figure. */
  readonly heading?: boolean;
  readonly name: string;
  /** One array of run values per column (empty: not measured for that build). */
  readonly values: ReadonlyArray<readonly number[]>;
  readonly format: (value: number) => string;
  /** e.g. "≤ 50 ms"; '' for an informational figure. */
  readonly target: string;
  readonly ok?: (median: number) => boolean;
  /** Counts towards the exit code (first column only). */
  readonly gate: boolean;
  /** Said after the values, e.g. what a run was capped at. */
  readonly note?: string;
}

export const heading = (name: string): Figure => ({ heading: true, name, values: [], format: String, target: '', gate: false });

export const fmtMs = (digits = 0) => (v: number) => (Number.isFinite(v) ? `${v.toFixed(digits)} ms` : 'n/a');
export const fmtNum = (digits = 0, unit = '') => (v: number) => (Number.isFinite(v) ? `${v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })}${unit}` : 'n/a');

function cell(values: readonly number[], format: (v: number) => string): string {
  const finite = values.filter(Number.isFinite);
  if (values.length === 0) return '—';
  if (finite.length === 0) return 'n/a';
  const m = median(finite);
  if (finite.length < 2) return format(m);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  // min–max without the unit: "12 ms (9–15)".
  const bare = (v: number) => format(v).replace(/[^\d.,\-–]+$/, '').trim();
  return `${format(m)} (${bare(min)}–${bare(max)})`;
}

/** Prints the table; returns the gated figures the first column misses, each named with its heading. */
export function printTable(title: string, columns: readonly string[], figures: readonly Figure[]): string[] {
  const nameWidth = Math.max(44, ...figures.filter((f) => f.heading !== true).map((f) => f.name.length + 4));
  const cells = figures.map((f) => columns.map((_, c) => (f.heading === true ? '' : cell(f.values[c] ?? [], f.format))));
  const width = columns.map((col, c) => Math.max(col.length, ...cells.map((row) => (row[c] ?? '').length)) + 8);
  const verdict = (f: Figure, c: number): string => {
    const finite = (f.values[c] ?? []).filter(Number.isFinite);
    if (f.ok === undefined || (f.values[c] ?? []).length === 0) return '';
    // Not measured for a comparison build (e.g. blocks of the naive renderer, which has none).
    if (c > 0 && finite.length === 0) return '';
    const pass = finite.length > 0 && f.ok(median(finite));
    if (c === 0 && f.gate) return pass ? 'PASS' : 'MISS';
    return pass ? 'pass' : 'miss';
  };
  const missed: string[] = [];
  let section = '';
  console.log('');
  console.log(title);
  console.log(`  ${'figure'.padEnd(nameWidth)}${columns.map((col, c) => col.padEnd(width[c] ?? 0)).join('')}target`);
  figures.forEach((f, i) => {
    if (f.heading === true) {
      console.log(`  ${f.name}`);
      section = f.name;
      return;
    }
    const row = columns
      .map((_, c) => {
        const v = verdict(f, c);
        const text = `${cells[i]?.[c] ?? ''}${v === '' ? '' : `  ${v}`}`;
        return text.padEnd(width[c] ?? 0);
      })
      .join('');
    console.log(`  ${`  ${f.name}`.padEnd(nameWidth)}${row}${f.target === '' ? '' : f.target}${f.note === undefined ? '' : `   (${f.note})`}`);
    if (f.gate && verdict(f, 0) === 'MISS') missed.push(`${section.split(':')[0]}: ${f.name.trim()}`);
  });
  return missed;
}
