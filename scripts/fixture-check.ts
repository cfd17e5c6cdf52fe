// What `make-fixtures.ts --check` reports: each generated transcript against
// the committed one, and each committed transcript the generator no longer
// makes (a scenario renamed or dropped leaves one behind, and the
// conformance runner would keep proving it). Pure: the script reads the
// directory and prints.

export type FixtureState = 'ok' | 'stale' | 'missing' | 'stray';

export interface FixtureReport {
  readonly name: string;
  readonly state: FixtureState;
}

/** Only transcripts are generated; anything else in the directory (a README, a golden) is not judged. */
export const isTranscript = (name: string): boolean => name.endsWith('.sse');

export function checkFixtures(generated: ReadonlyMap<string, Uint8Array>, committed: ReadonlyMap<string, Uint8Array>): FixtureReport[] {
  const made: FixtureReport[] = [...generated].map(([name, bytes]) => {
    const kept = committed.get(name);
    return { name, state: kept === undefined ? 'missing' : Buffer.from(kept).equals(bytes) ? 'ok' : 'stale' };
  });
  const strays: FixtureReport[] = [...committed.keys()].filter((name) => isTranscript(name) && !generated.has(name)).sort().map((name) => ({ name, state: 'stray' }));
  return [...made, ...strays];
}
