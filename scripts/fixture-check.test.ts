import { describe, expect, it } from 'vitest';
import { checkFixtures } from './fixture-check';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('checkFixtures', () => {
  it('passes a generated transcript whose committed bytes are the same', () => {
    expect(checkFixtures(new Map([['sim-hello.sse', bytes('a')]]), new Map([['sim-hello.sse', bytes('a')]]))).toEqual([{ name: 'sim-hello.sse', state: 'ok' }]);
  });

  it('names a committed transcript that differs, and one never committed', () => {
    const generated = new Map([
      ['sim-hello.sse', bytes('new')],
      ['sim-echo.sse', bytes('x')],
    ]);
    expect(checkFixtures(generated, new Map([['sim-hello.sse', bytes('old')]]))).toEqual([
      { name: 'sim-hello.sse', state: 'stale' },
      { name: 'sim-echo.sse', state: 'missing' },
    ]);
  });

  it('names a committed transcript the generator no longer makes', () => {
    const committed = new Map([
      ['sim-hello.sse', bytes('a')],
      ['sim-retired.sse', bytes('b')],
    ]);
    expect(checkFixtures(new Map([['sim-hello.sse', bytes('a')]]), committed)).toEqual([
      { name: 'sim-hello.sse', state: 'ok' },
      { name: 'sim-retired.sse', state: 'stray' },
    ]);
  });

  it('leaves files that are not transcripts alone', () => {
    const committed = new Map([
      ['README.md', bytes('notes')],
      ['sim-hello.golden.json', bytes('{}')],
    ]);
    expect(checkFixtures(new Map(), committed)).toEqual([]);
  });
});
