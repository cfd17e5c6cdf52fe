import { lazy, Suspense, useState } from 'react';
import { selectStream, useChatStore } from '../store';
import { Modal } from '../ui';
import { useStreamRecord } from './event-log';

const REREAD_MS = 500;

/** Loaded when an inspector first opens: the first answer does not wait for it. */
const InspectorView = lazy(() =>
  import('./inspector-view').then(
    (module) => ({ default: module.InspectorView }),
    () => ({ default: InspectorUnavailable }),
  ),
);

function InspectorUnavailable() {
  return <p role="alert" className="text-sm">The inspector could not load: the app may have been updated. Reload the page to inspect this stream.</p>;
}

export function InspectButton({ messageId }: { readonly messageId: string }) {
  const [open, setOpen] = useState(false);
  // While open, read the record again as the stream moves on: at most twice a second (each read joins
  // the whole record where the stream runs), and once more when it ends.
  const version = useChatStore((s) => {
    const stream = open ? selectStream(s, messageId) : undefined;
    return stream === undefined ? '' : `${Math.floor((stream.timing.lastEventAt ?? 0) / REREAD_MS)}:${stream.status}`;
  });
  const state = useStreamRecord(messageId, open, version);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="text-xs text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-orange-500 dark:text-sky-300">
        Inspect stream
      </button>
      <Modal open={open} onClose={() => setOpen(false)} title="Stream inspector" width="56rem">
        {state.kind === 'loading' ? (
          <p className="text-sm">Reading the stream…</p>
        ) : state.kind === 'missing' ? (
          <p className="text-sm">No record was kept of this answer&apos;s stream: it was saved by an older version of the app, or the page closed while it streamed.</p>
        ) : (
          <Suspense fallback={<p className="text-sm">Reading the stream…</p>}>
            <InspectorView record={state.record} messageId={messageId} />
          </Suspense>
        )}
      </Modal>
    </>
  );
}
