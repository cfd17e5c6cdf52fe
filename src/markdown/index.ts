export { Markdown, type MarkdownProps } from './markdown';
export { warmUpLexer } from './lexer';
export { warmUpHighlighter } from './highlighter';
export { CodeBlock } from './code-block';
export { createIdleQueue, type IdleQueue } from './background';
