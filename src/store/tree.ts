// The conversation tree and the visible path through it. Pure. The child
// index is O(messages) to build, so it is cached per committed `messages`
// object: selectors call it on every frame while an answer streams.
import { ROOT_KEY, type ChatMessage, type MessageMap } from './types';

export type ChildIndex = ReadonlyMap<string, readonly string[]>;

const indexCache = new WeakMap<MessageMap, ChildIndex>();

export function parentKey(message: Pick<ChatMessage, 'parentId'>): string {
  return message.parentId ?? ROOT_KEY;
}

/** Parent key -> child ids, oldest first. */
export function childIndex(messages: MessageMap): ChildIndex {
  const cached = indexCache.get(messages);
  if (cached !== undefined) return cached;
  const groups = new Map<string, ChatMessage[]>();
  for (const message of Object.values(messages)) {
    const key = parentKey(message);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [message]);
    else group.push(message);
  }
  const index = new Map<string, readonly string[]>();
  for (const [key, group] of groups) {
    group.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    index.set(key, group.map((m) => m.id));
  }
  indexCache.set(messages, index);
  return index;
}

/** The child shown at a fork: the selected one if it still exists, else the newest. */
export function chosenChild(children: readonly string[], selected: string | undefined): string | undefined {
  return selected !== undefined && children.includes(selected) ? selected : children.at(-1);
}

/** From the root, the selected child at each fork, down to a leaf. */
export function visiblePath(messages: MessageMap, selection: Readonly<Record<string, string>>): string[] {
  const index = childIndex(messages);
  const path: string[] = [];
  const seen = new Set<string>();
  let key = ROOT_KEY;
  for (;;) {
    const next = chosenChild(index.get(key) ?? [], selection[key]);
    // A cycle can only come from damaged data; stop rather than loop.
    if (next === undefined || seen.has(next)) return path;
    seen.add(next);
    path.push(next);
    key = next;
  }
}

/** The message's siblings (itself included), oldest first. */
export function siblingsOf(messages: MessageMap, id: string): readonly string[] {
  const message = messages[id];
  if (message === undefined) return [];
  return childIndex(messages).get(parentKey(message)) ?? [id];
}

/** The ancestors of a message from the root, then the message. */
export function pathTo(messages: MessageMap, id: string): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  let current = messages[id];
  while (current !== undefined && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current.id);
    current = current.parentId === null ? undefined : messages[current.parentId];
  }
  return path;
}

/** A title from the first user message: its first line, shortened. */
export function titleFrom(text: string): string {
  const line = text.trim().split('\n')[0]?.replace(/\s+/g, ' ') ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
