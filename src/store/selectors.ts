// Named selectors. Each returns a value that keeps its identity until the
// thing it names changes, so a delta re-renders only the block that grew.
import type { BlockState, StreamedMessage } from '../protocol';
import type { ChatState } from './chat-store';
import { childIndex, siblingsOf } from './tree';
import { ROOT_KEY, type AssistantMessage, type ChatMessage } from './types';

export function selectMessage(state: ChatState, id: string): ChatMessage | undefined {
  const streaming = state.streaming;
  return streaming !== null && streaming.id === id ? streaming : state.messages[id];
}

export function selectAssistant(state: ChatState, id: string): AssistantMessage | undefined {
  const message = selectMessage(state, id);
  return message?.role === 'assistant' ? message : undefined;
}

export function selectStream(state: ChatState, id: string): StreamedMessage | undefined {
  return selectAssistant(state, id)?.stream;
}

export function selectBlock(state: ChatState, id: string, index: number): BlockState | undefined {
  return selectStream(state, id)?.blocks[index];
}

export function selectBlockCount(state: ChatState, id: string): number {
  return selectStream(state, id)?.blocks.length ?? 0;
}

export function selectIsStreaming(state: ChatState): boolean {
  return state.streaming !== null;
}

/** The web search results of an answer, in order: citation markers are numbered by them. */
export function selectSearchResults(state: ChatState, id: string): readonly unknown[] | undefined {
  const blocks = selectStream(state, id)?.blocks;
  if (blocks === undefined) return undefined;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i];
    if (block?.kind === 'opaque' && block.block.type === 'web_search_tool_result') {
      const content = (block.block as { content?: unknown }).content;
      return Array.isArray(content) ? content : undefined;
    }
  }
  return undefined;
}

/** The kinds of an answer's blocks as one string ("thinking text text"): it changes only when a block is added. */
// Every answer runs this on every frame while any answer streams; a committed
// answer's blocks array never changes, so its string is computed once.
const kindsCache = new WeakMap<readonly unknown[], string>();

export function selectBlockKinds(state: ChatState, id: string): string {
  const blocks = selectStream(state, id)?.blocks;
  if (blocks === undefined) return '';
  const cached = kindsCache.get(blocks);
  if (cached !== undefined) return cached;
  const kinds = blocks.map((b) => b.kind).join(' ');
  kindsCache.set(blocks, kinds);
  return kinds;
}

// Continuations are looked up on every frame by every answer: index them once per committed `messages` object.
const continuationIndex = new WeakMap<object, Map<string, string>>();

/** The id of the answer that continues this one, if any (streaming or committed). */
export function selectContinuationId(state: ChatState, id: string): string | undefined {
  if (state.streaming?.continuationOf === id) return state.streaming.id;
  let index = continuationIndex.get(state.messages);
  if (index === undefined) {
    index = new Map();
    for (const message of Object.values(state.messages)) {
      if (message.role === 'assistant' && message.continuationOf !== undefined) index.set(message.continuationOf, message.id);
    }
    continuationIndex.set(state.messages, index);
  }
  return index.get(id);
}

/** True when this message is the last thing in the transcript (notices aside). */
export function selectIsLast(state: ChatState, id: string): boolean {
  for (let i = state.messageIds.length - 1; i >= 0; i--) {
    const other = state.messageIds[i];
    if (other === undefined) continue;
    const message = state.messages[other] ?? (state.streaming?.id === other ? state.streaming : undefined);
    if (message?.role === 'notice') continue;
    return other === id;
  }
  return false;
}

/** "position/count" among the message's siblings ("" when it has none), a string so it keeps its identity between frames. */
export function selectBranchPosition(state: ChatState, id: string): string {
  const streaming = state.streaming;
  let siblings: readonly string[];
  if (streaming !== null && streaming.id === id) {
    const parent = streaming.parentId ?? ROOT_KEY;
    siblings = [...(childIndex(state.messages).get(parent) ?? []), id];
  } else {
    siblings = siblingsOf(state.messages, id);
  }
  return siblings.length < 2 ? '' : `${siblings.indexOf(id) + 1}/${siblings.length}`;
}
