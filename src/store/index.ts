export { createChatStore, emptyConversation, initialChatState, resetChatStore, useChatStore, type ChatState, type ChatStore } from './chat-store';
export {
  ROOT_KEY,
  type AssistantMessage,
  type BackendMode,
  type ChatMessage,
  type ConversationMeta,
  type MessageDraft,
  type MessageMap,
  type ModelOption,
  type NoticeMessage,
  type RateLimitHeaders,
  type RetryCountdown,
  type StorageProblem,
  type ToolResultEntry,
  type ToolResultState,
  type ToolResultsMessage,
  type TurnControl,
  type UserMessage,
} from './types';
export { newId } from './ids';
export { childIndex, chosenChild, parentKey, pathTo, siblingsOf, titleFrom, visiblePath } from './tree';
export {
  addStreamLog,
  dropStreamLog,
  resumeStreaming,
  appendMessage,
  beginStreaming,
  commitStreaming,
  dropConversation,
  metaOf,
  openConversation,
  place,
  removeMessages,
  renameConversation,
  replaceMessage,
  selectBranch,
  startConversation,
  truncateAfter,
} from './conversation-ops';
export { createFrameBatcher, type FrameBatcher } from './frame-batcher';
export {
  selectAssistant,
  selectBlock,
  selectBlockCount,
  selectBlockKinds,
  selectBranchPosition,
  selectContinuationId,
  selectIsLast,
  selectIsStreaming,
  selectMessage,
  selectSearchResults,
  selectStream,
} from './selectors';
