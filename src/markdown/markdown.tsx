import { memo, useMemo, useRef } from 'react';
import { renderBlocks } from './blocks';
import { lex } from './lexer';
import { noteBlockRender } from './probe';
import { EMPTY_SPLIT, splitBlocks, type Split } from './split';

export interface MarkdownProps {
  readonly text: string;
  /** True while the message is still streaming in. */
  readonly streaming: boolean;
}

/**
 * GitHub-flavoured markdown for streamed model output. The text is split into
 * top-level blocks; settled blocks are memoized and never render again, so a
 * delta costs one split of the tail and one render of the last block.
 */
export function Markdown({ text, streaming }: MarkdownProps) {
  const blocks = useBlocks(text, streaming);
  const tail = blocks.length - 1;
  return (
    <div data-markdown="" className="min-w-0 space-y-3 break-words leading-relaxed">
      {blocks.map((block, i) => (
        // Keyed by index: a block keeps its slot, and its component, as text is appended.
        <MarkdownBlock key={i} index={i} text={block} live={streaming && i === tail} />
      ))}
    </div>
  );
}

function useBlocks(text: string, streaming: boolean): readonly string[] {
  // The previous split is a cache, not state: splitBlocks checks that it is
  // resumable and falls back to a full scan, so a render React discards (or
  // runs twice) can at worst cost a rescan, never a wrong result.
  const previous = useRef<Split>(EMPTY_SPLIT);
  // eslint-disable-next-line react-hooks/refs -- a cache, checked by splitBlocks (see above)
  const split = useMemo(() => splitBlocks(text, previous.current, !streaming), [text, streaming]);
  // eslint-disable-next-line react-hooks/refs -- the same cache, remembered for the next delta
  previous.current = split;
  return split.blocks;
}

interface MarkdownBlockProps {
  readonly index: number;
  readonly text: string;
  readonly live: boolean;
}

const MarkdownBlock = memo(function MarkdownBlock({ index, text, live }: MarkdownBlockProps) {
  const tokens = useMemo(() => lex(text), [text]);
  noteBlockRender(index, text);
  return (
    <div data-md-block={index} className="space-y-3">
      {renderBlocks(tokens, { live, caret: live })}
    </div>
  );
});
