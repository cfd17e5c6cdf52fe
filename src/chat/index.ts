export { approveToolCall, denyToolCall, sendMessage, stopStreaming, submitToolResult } from './turn';
export { MESSAGES_URL } from './stream-assistant';
export { toApiMessages } from './history';
export { BUILTIN_TOOL_NAMES, enabledTools } from './tools-in-use';
export { ChatView } from './chat-view';
export { settingsProblems } from './preflight';
