import { describe, expect, it } from 'vitest';
import { startsPlain } from './deferral';

const block = (chars: number) => 'x'.repeat(chars - 2) + '\n\n';

describe('startsPlain', () => {
  it('starts a block as plain text only when a window of text follows it', () => {
    const blocks = [block(100), block(100), block(100), block(50)];
    // After block 0: 250 characters; after block 1: 150; after block 2: 50.
    expect(startsPlain(blocks, 0, true, 150)).toEqual([true, true, false, false]);
    expect(startsPlain(blocks, 0, true, 251)).toEqual([false, false, false, false]);
  });

  it('never starts the last block as plain text, however long', () => {
    expect(startsPlain([block(10)], 0, true, 0)).toEqual([false]);
    expect(startsPlain([block(10), block(10)], 0, true, 0)).toEqual([true, false]);
  });

  it('formats everything of a message that is not streamed', () => {
    expect(startsPlain([block(5000), block(5000), block(5000)], 0, false, 100)).toEqual([false, false, false]);
  });

  it('decides only the blocks from `from` on', () => {
    const blocks = [block(100), block(100), block(100), block(100)];
    expect(startsPlain(blocks, 2, true, 100)).toEqual([true, false]);
    expect(startsPlain(blocks, 4, true, 100)).toEqual([]);
  });
});
