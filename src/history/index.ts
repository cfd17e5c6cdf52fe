export { ConversationsToggle, HistorySidebar, useDrawerIsModal } from './sidebar';
export { toMarkdown } from './markdown-export';
