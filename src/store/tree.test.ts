import { describe, expect, it } from 'vitest';
import { childIndex, pathTo, siblingsOf, titleFrom, visiblePath } from './tree';
import type { ChatMessage, MessageMap } from './types';

const user = (id: string, parentId: string | null, createdAt: number): ChatMessage => ({ id, parentId, createdAt, role: 'user', text: id });
const notice = (id: string, parentId: string | null, createdAt: number): ChatMessage => ({ id, parentId, createdAt, role: 'notice', text: id });

// u1 ─ n1 ─ u2a
//         └ u2b ─ n2
// u1' (an edited first question)
const tree: MessageMap = Object.fromEntries(
  [user('u1', null, 1), notice('n1', 'u1', 2), user('u2a', 'n1', 3), user('u2b', 'n1', 4), notice('n2', 'u2b', 5), user("u1'", null, 6)].map((m) => [m.id, m]),
);

describe('the conversation tree', () => {
  it('indexes children oldest first, once per messages object', () => {
    const index = childIndex(tree);
    expect(index.get('')).toEqual(['u1', "u1'"]);
    expect(index.get('n1')).toEqual(['u2a', 'u2b']);
    expect(childIndex(tree)).toBe(index);
  });

  it('follows the newest child by default, and the selected one where chosen', () => {
    expect(visiblePath(tree, {})).toEqual(["u1'"]);
    expect(visiblePath(tree, { '': 'u1' })).toEqual(['u1', 'n1', 'u2b', 'n2']);
    expect(visiblePath(tree, { '': 'u1', n1: 'u2a' })).toEqual(['u1', 'n1', 'u2a']);
    // A selection naming a message that is gone falls back to the newest.
    expect(visiblePath(tree, { '': 'gone' })).toEqual(["u1'"]);
  });

  it('lists siblings and the path to a message', () => {
    expect(siblingsOf(tree, 'u2a')).toEqual(['u2a', 'u2b']);
    expect(siblingsOf(tree, 'n2')).toEqual(['n2']);
    expect(pathTo(tree, 'n2')).toEqual(['u1', 'n1', 'u2b', 'n2']);
  });

  it('stops at a cycle instead of looping (damaged data)', () => {
    const looped: MessageMap = { a: user('a', null, 1), b: user('b', 'c', 2), c: user('c', 'b', 3) };
    expect(visiblePath(looped, {})).toEqual(['a']);
    expect(pathTo(looped, 'b')).toEqual(['c', 'b']);
  });

  it('titles a conversation from the first line of its first question', () => {
    expect(titleFrom('  What is   a monad?\nExplain simply')).toBe('What is a monad?');
    expect(titleFrom('x'.repeat(80))).toHaveLength(58);
  });
});
