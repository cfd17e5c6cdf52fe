export { ConversationsToggle, HistorySidebar } from './sidebar';
export { toMarkdown } from './markdown-export';
