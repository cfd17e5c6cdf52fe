export {
  DEFAULT_SETTINGS,
  initialChatState,
  resetChatStore,
  useChatStore,
  type AssistantMessage,
  type BackendMode,
  type ChatMessage,
  type ChatState,
  type ModelOption,
  type RequestSettings,
  type UserMessage,
} from './chat-store';
export { createFrameBatcher, type FrameBatcher } from './frame-batcher';
export { selectAssistant, selectBlock, selectBlockCount, selectIsStreaming, selectMessage, selectStream } from './selectors';
