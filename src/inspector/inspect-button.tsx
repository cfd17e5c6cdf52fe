import { useState } from 'react';
import { selectStream, useChatStore } from '../store';
import { Modal } from '../ui';
import { useLogEntries } from './event-log';
import { InspectorView } from './inspector-view';

const REREAD_MS = 500;

export function InspectButton({ messageId }: { readonly messageId: string }) {
  const [open, setOpen] = useState(false);
  const log = useChatStore((s) => s.streamLogs[messageId]);
  // While open, read the log again as the stream moves on: at most twice a second (each read lists the
  // whole record where the stream runs), and once more when it ends.
  const version = useChatStore((s) => {
    const stream = open ? selectStream(s, messageId) : undefined;
    return stream === undefined ? '' : `${Math.floor((stream.timing.lastEventAt ?? 0) / REREAD_MS)}:${stream.status}`;
  });
  const entries = useLogEntries(open ? log : undefined, version);
  if (log === undefined) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="text-xs text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-orange-500 dark:text-sky-300">
        Inspect stream
      </button>
      <Modal open={open} onClose={() => setOpen(false)} title="Stream inspector" width="56rem">
        {entries === null ? <p className="text-sm">Reading the stream…</p> : <InspectorView entries={entries} />}
      </Modal>
    </>
  );
}
