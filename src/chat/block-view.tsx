// One content block. Each subscribes to its own block only, so a text delta
// re-renders the block that grew and nothing else.
import { memo } from 'react';
import { selectBlock, selectBlockCount, selectSearchResults, useChatStore } from '../store';
import { OpaqueBlock } from './blocks/opaque-block';
import { selectFetchedDocuments } from './fetched-documents';
import { TextBlock } from './blocks/text-block';
import { ThinkingBlock } from './blocks/thinking-block';
import { ToolUseBlock } from './blocks/tool-use-block';

export const BlockView = memo(function BlockView({ messageId, index, inline = false }: { readonly messageId: string; readonly index: number; readonly inline?: boolean }) {
  const state = useChatStore((s) => selectBlock(s, messageId, index));
  const answerStarted = useChatStore((s) => selectBlockCount(s, messageId) > index + 1);
  const sources = useChatStore((s) => (state?.kind === 'text' && state.block.citations ? selectSearchResults(s, messageId) : undefined));
  const documents = useChatStore((s) => (state?.kind === 'text' && state.block.citations ? selectFetchedDocuments(s, messageId) : undefined));
  if (state === undefined) return null;
  switch (state.kind) {
    case 'text':
      return <TextBlock state={state} sources={sources} documents={documents} inline={inline} />;
    case 'thinking':
      return <ThinkingBlock state={state} answerStarted={answerStarted} />;
    case 'tool_input':
      return <ToolUseBlock state={state} />;
    case 'opaque':
      return <OpaqueBlock state={state} />;
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
});
