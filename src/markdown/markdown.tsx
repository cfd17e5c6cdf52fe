import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { renderBlocks } from './blocks';
import { holdBackground, inBackground } from './background';
import { HOLD_AFTER_PLAIN_MS, startsPlain } from './deferral';
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
 * delta costs one split of the tail and one render of the last block. When a
 * render brings more than a screen of text, the blocks that will be out of
 * view start as plain text (see deferral.ts).
 */
export function Markdown({ text, streaming }: MarkdownProps) {
  const blocks = useBlocks(text, streaming);
  const { plain, catchUps } = usePlainStart(blocks, streaming);
  const tail = blocks.length - 1;
  // While a stream outruns rendering it needs every core it can get: background work (colours,
  // formatting older plain blocks) waits until it has kept pace for a moment, or has ended.
  useEffect(() => {
    if (!streaming || catchUps === 0) return;
    const release = holdBackground();
    const timer = setTimeout(release, HOLD_AFTER_PLAIN_MS);
    return () => {
      clearTimeout(timer);
      release();
    };
  }, [streaming, catchUps]);
  return (
    <div data-markdown="" className="min-w-0 space-y-3 break-words leading-relaxed">
      {blocks.map((block, i) => (
        // Keyed by index: a block keeps its slot, and its component, as text is appended.
        <MarkdownBlock key={i} index={i} text={block} live={streaming && i === tail} plain={plain[i] === true} />
      ))}
    </div>
  );
}

function useBlocks(text: string, streaming: boolean): readonly string[] {
  // The previous split is a cache, not state: splitBlocks checks that it is
  // resumable and falls back to a full scan, so a render React discards (or
  // runs twice) can at worst cost a rescan, never a wrong result.
  const previous = useRef<Split>(EMPTY_SPLIT);
  const split = useMemo(() => splitBlocks(text, previous.current, !streaming), [text, streaming]);
  previous.current = split;
  return split.blocks;
}

interface PlainStart {
  /** Whether each block started as plain text (only ever appended to, like the blocks). */
  readonly plain: readonly boolean[];
  /** How many renders so far started a block as plain text: a catch-up. */
  readonly catchUps: number;
}

/**
 * Whether each block starts as plain text: decided once, when the block is
 * first rendered, while the message streams and in the render that ends the
 * stream (its last batch may bring the biggest backlog). Like useBlocks' split,
 * the decisions are a cache kept in a ref: a render React discards or repeats
 * decides the same blocks the same way.
 */
function usePlainStart(blocks: readonly string[], streaming: boolean): PlainStart {
  const decided = useRef<{ plain: boolean[]; catchUps: number }>({ plain: [], catchUps: 0 });
  const wasStreaming = useRef(streaming);
  const known = decided.current;
  if (known.plain.length > blocks.length) known.plain.length = blocks.length;
  if (known.plain.length < blocks.length) {
    const next = startsPlain(blocks, known.plain.length, streaming || wasStreaming.current);
    known.plain.push(...next);
    if (next.includes(true)) known.catchUps += 1;
  }
  wasStreaming.current = streaming;
  return known;
}

interface MarkdownBlockProps {
  readonly index: number;
  readonly text: string;
  readonly live: boolean;
  /** Starts as plain text, formatted near the view or in the background. */
  readonly plain: boolean;
}

const MarkdownBlock = memo(function MarkdownBlock({ index, text, live, plain }: MarkdownBlockProps) {
  const [formatted, setFormatted] = useState(!plain);
  const element = useRef<HTMLDivElement>(null);
  // A layout effect: the browser posts the block's first visibility state as a task, which must find the listener.
  useLayoutEffect(() => {
    const node = element.current;
    if (formatted || node === null) return;
    // In the background, rendered at once (flushSync), so the job's time budget covers the work.
    const cancel = inBackground(() => flushSync(() => setFormatted(true)), 'newest-first');
    // Off-screen blocks skip rendering (content-visibility: auto); this fires as one comes near the view.
    // The first report may describe the block's first frame, before the view followed the end: that one
    // formats the block only if it is within half a screen of the view.
    let first = true;
    const onVisibility = (event: Event) => {
      if ('skipped' in event && event.skipped === false && (!first || nearTheView(node))) setFormatted(true);
      first = false;
    };
    node.addEventListener('contentvisibilityautostatechange', onVisibility);
    return () => {
      cancel();
      node.removeEventListener('contentvisibilityautostatechange', onVisibility);
    };
  }, [formatted]);
  const tokens = useMemo(() => (formatted ? lex(text) : null), [text, formatted]);
  if (tokens === null) {
    return (
      <div ref={element} data-md-block={index} data-md-plain="" className="whitespace-pre-wrap">
        {text.trimEnd()}
      </div>
    );
  }
  noteBlockRender(index, text);
  return (
    <div ref={element} data-md-block={index} className="space-y-3">
      {renderBlocks(tokens, { live, caret: live })}
    </div>
  );
});

/** Within half a screen of the window's view. */
function nearTheView(node: Element): boolean {
  const { top, bottom } = node.getBoundingClientRect();
  const margin = window.innerHeight / 2;
  return bottom >= -margin && top <= window.innerHeight + margin;
}
