export { cancelRetry, continueAnswer, letGoOfTurn, MAX_BACKGROUND_STREAMS, reattachInterrupted, editAndResend, regenerateAnswer, retryAnswer, sendMessage, stopStreaming, whenIdle } from './turn';
export { editLastQuestion, switchVersion } from './branch-actions';
export { approveToolCall, denyToolCall, submitToolResult } from './tool-actions';
export { MESSAGES_URL } from './stream-assistant';
export { toApiMessages } from './api-messages';
export { BUILTIN_TOOL_NAMES, enabledTools } from './tools-in-use';
export { settingsProblems } from './preflight';
export { ChatView } from './chat-view';
export { replayRecording, type ReplayTiming } from './replay';
