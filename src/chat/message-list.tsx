import { useEffect, useRef, type ReactNode } from 'react';
import { useChatStore } from '../store';
import { MessageView } from './message-view';

const BOTTOM_SLACK_PX = 48;

/**
 * Follows the stream while the reader is at the bottom; scrolling up stops
 * following, scrolling back down resumes it.
 */
export function MessageList({ empty }: { readonly empty: ReactNode }) {
  const ids = useChatStore((s) => s.messageIds);
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
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

  return (
    <div ref={scroller} data-testid="transcript" className="min-h-0 flex-1 overflow-y-auto">
      <div ref={content} className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
        {ids.length === 0 ? empty : ids.map((id) => <MessageView key={id} id={id} />)}
      </div>
    </div>
  );
}
