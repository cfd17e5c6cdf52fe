export {
  initialChatState,
  resetChatStore,
  useChatStore,
  type AssistantMessage,
  type BackendMode,
  type ChatMessage,
  type ChatState,
  type ModelOption,
  type NoticeMessage,
  type RetryCountdown,
  type ToolResultEntry,
  type ToolResultState,
  type ToolResultsMessage,
  type UserMessage,
} from './chat-store';
export { createFrameBatcher, type FrameBatcher } from './frame-batcher';
export { selectAssistant, selectBlock, selectBlockCount, selectBlockKinds, selectContinuationId, selectIsLast, selectIsStreaming, selectMessage, selectSearchResults, selectStream } from './selectors';
