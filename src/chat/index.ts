export { sendMessage, stopStreaming, MESSAGES_URL } from './send';
export { buildRequest } from './request';
export { ChatView } from './chat-view';
