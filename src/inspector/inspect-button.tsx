import { useEffect, useRef, useState } from 'react';
import { selectStream, useChatStore } from '../store';
import { eventLogOf } from './event-log';
import { InspectorView } from './inspector-view';

export function InspectButton({ messageId }: { readonly messageId: string }) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  // Re-read the log when the stream moves on (one store update per frame at most).
  const version = useChatStore((s) => {
    const stream = open ? selectStream(s, messageId) : undefined;
    return stream === undefined ? '' : `${stream.timing.lastEventAt ?? 0}:${stream.status}`;
  });
  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  const log = eventLogOf(messageId);
  if (log === undefined) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="text-xs text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-orange-500 dark:text-sky-300">
        Inspect stream
      </button>
      <dialog
        ref={dialog}
        onClose={() => setOpen(false)}
        aria-label="Stream inspector"
        className="m-auto w-[min(56rem,calc(100vw-1.5rem))] rounded-2xl border border-stone-200 bg-white p-0 text-stone-900 shadow-2xl backdrop:bg-black/40 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100"
      >
        <div className="flex max-h-[85dvh] flex-col">
          <div className="flex items-center border-b border-stone-200 px-5 py-3 dark:border-stone-700">
            <h2 className="text-base font-semibold">Stream inspector</h2>
            <button type="button" onClick={() => setOpen(false)} className="btn-secondary ml-auto">
              Close
            </button>
          </div>
          <div className="overflow-y-auto px-5 py-4">{open && <InspectorView log={log} version={version} />}</div>
        </div>
      </dialog>
    </>
  );
}
