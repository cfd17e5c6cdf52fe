// Named selectors. Each returns a value that keeps its identity until the
// thing it names changes, so a delta re-renders only the block that grew.
import type { BlockState, StreamedMessage } from '../protocol';
import type { AssistantMessage, ChatMessage, ChatState } from './chat-store';

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
