import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useChatStore } from '../store';
import { MessageView } from './message-view';
import { olderWindow, visibleWindow, WINDOW_STEP } from './message-window';

const BOTTOM_SLACK_PX = 48;
/** Start rendering earlier messages this far before the reader reaches the top. */
const EARLIER_MARGIN_PX = 800;

/**
 * Follows the stream while the reader is at the bottom; scrolling up stops
 * following, scrolling back down resumes it. A long conversation opens with
 * its newest messages only, and earlier ones are rendered as the reader
 * scrolls up (the browser's scroll anchoring keeps the view still), so
 * opening a conversation costs the same whatever its length.
 */
export function MessageList({ empty }: { readonly empty: ReactNode }) {
  const ids = useChatStore((s) => s.messageIds);
  const activeId = useChatStore((s) => s.activeId);
  const [shown, setShown] = useState({ conversation: activeId, count: WINDOW_STEP });
  const count = shown.conversation === activeId ? shown.count : WINDOW_STEP;
  const { hidden, visible } = visibleWindow(ids, count);
  const showEarlier = () => setShown({ conversation: activeId, count: olderWindow(count) });

  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const earlier = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  useEffect(() => {
    const box = scroller.current;
    const inner = content.current;
    if (box === null || inner === null) return;
    const onScroll = () => {
      following.current = box.scrollHeight - box.scrollTop - box.clientHeight <= BOTTOM_SLACK_PX;
    };
    const observer = new ResizeObserver(() => {
      if (following.current) box.scrollTop = box.scrollHeight;
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
    following.current = true;
    box.scrollTop = box.scrollHeight;
  }, [ids.length]);

  // Earlier messages come in as the top of the rendered part nears the view.
  useEffect(() => {
    const box = scroller.current;
    const marker = earlier.current;
    if (box === null || marker === null || hidden === 0) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setShown((s) => ({ conversation: activeId, count: olderWindow(s.conversation === activeId ? s.count : WINDOW_STEP) }));
      },
      { root: box, rootMargin: `${EARLIER_MARGIN_PX}px 0px 0px 0px` },
    );
    observer.observe(marker);
    return () => observer.disconnect();
  }, [activeId, hidden, count]);

  return (
    <div ref={scroller} data-testid="transcript" className="min-h-0 flex-1 overflow-y-auto">
      <div ref={content} className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
        {hidden > 0 && (
          <div ref={earlier} className="flex justify-center">
            <button type="button" onClick={showEarlier} className="btn-secondary">
              Show {Math.min(hidden, WINDOW_STEP)} earlier messages ({hidden} not shown)
            </button>
          </div>
        )}
        {ids.length === 0 ? empty : visible.map((id) => <MessageView key={id} id={id} />)}
      </div>
    </div>
  );
}
