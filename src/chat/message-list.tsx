import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useChatStore } from '../store';
import { MessageView } from './message-view';
import { earlierLabel, olderWindow, visibleWindow, WINDOW_STEP } from './message-window';

const BOTTOM_SLACK_PX = 48;
/** Start rendering earlier messages this far before the reader reaches the top. */
const EARLIER_MARGIN_PX = 800;

/**
 * Follows the stream while the reader is at the bottom; scrolling up stops
 * following, scrolling back down resumes it. A long conversation opens with
 * its newest messages only, and earlier ones are rendered as the reader
 * scrolls up (the browser's scroll anchoring keeps the view still), so
 * opening a conversation costs the same whatever its length. Mounted once
 * per conversation (keyed by its id), so each one opens the same way.
 */
export function MessageList({ empty }: { readonly empty: ReactNode }) {
  const ids = useChatStore((s) => s.messageIds);
  const [count, setCount] = useState(WINDOW_STEP);
  const { hidden, visible } = visibleWindow(ids, count);

  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const earlier = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  /**
   * While following, the view is put at the bottom after every size change,
   * and the browser's scroll anchoring is off: its adjustments (a block above
   * the view formatted later, say) would read as the reader scrolling away.
   * Otherwise anchoring keeps what the reader is looking at still.
   */
  const setFollowing = (box: HTMLDivElement, on: boolean) => {
    following.current = on;
    box.style.overflowAnchor = on ? 'none' : '';
  };

  const showEarlier = () => {
    // The button goes away with the last step: keep keyboard focus in the conversation rather than on the page.
    if (hidden <= WINDOW_STEP && earlier.current?.contains(document.activeElement)) scroller.current?.focus({ preventScroll: true });
    setCount(olderWindow);
  };

  /** Where our own follow-scroll last put the view: a scroll event there is ours, not the reader's. */
  const followedTo = useRef<number | null>(null);
  const toBottom = (box: HTMLDivElement) => {
    box.scrollTop = box.scrollHeight;
    followedTo.current = box.scrollTop;
  };

  useEffect(() => {
    const box = scroller.current;
    const inner = content.current;
    if (box === null || inner === null) return;
    const onScroll = () => {
      // Scroll events arrive a frame late; by then more of the answer may have been rendered
      // below, which must not read as the reader leaving the bottom.
      if (followedTo.current !== null && Math.abs(box.scrollTop - followedTo.current) < 1) return;
      setFollowing(box, box.scrollHeight - box.scrollTop - box.clientHeight <= BOTTOM_SLACK_PX);
    };
    const observer = new ResizeObserver(() => {
      if (following.current) toBottom(box);
    });
    box.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(inner);
    return () => {
      box.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, []);

  // A new message from the user always brings the view to the bottom.
  useEffect(() => {
    const box = scroller.current;
    if (box === null) return;
    setFollowing(box, true);
    toBottom(box);
  }, [ids.length]);

  // Earlier messages come in as the top of the rendered part nears the view.
  useEffect(() => {
    const box = scroller.current;
    const marker = earlier.current;
    if (box === null || marker === null || hidden === 0) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setCount(olderWindow);
      },
      { root: box, rootMargin: `${EARLIER_MARGIN_PX}px 0px 0px 0px` },
    );
    observer.observe(marker);
    return () => observer.disconnect();
  }, [hidden, count]);

  return (
    <div ref={scroller} tabIndex={-1} data-testid="transcript" className="min-h-0 flex-1 overflow-y-auto outline-none">
      <div ref={content} className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
        {hidden > 0 && (
          <div ref={earlier} className="flex justify-center">
            <button type="button" onClick={showEarlier} className="btn-secondary">
              {earlierLabel(hidden)}
            </button>
          </div>
        )}
        {ids.length === 0 ? empty : visible.map((id) => <MessageView key={id} id={id} />)}
      </div>
    </div>
  );
}
