// "Import .sse": a recorded stream (exported by the inspector, or any SSE
// transcript) replayed into a new conversation, at its recorded timing or at
// full speed, through the path a live answer takes.
import { useRef, useState } from 'react';
import { replayRecording, type ReplayTiming } from '../chat';
import { startPersistence } from '../persistence';
import { decodeSseFile, type DecodedSseFile } from '../record';
import { useChatStore } from '../store';
import { Modal } from '../ui';
import { useHistoryUi } from './ui-store';

interface Chosen {
  readonly name: string;
  readonly file: DecodedSseFile;
}

export function SseImport({ buttonClass }: { readonly buttonClass: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const busy = useChatStore((s) => s.turnActive);

  const read = async (file: File) => {
    const decoded = decodeSseFile(await file.text());
    if (!decoded.replayable) {
      useHistoryUi.setState({ note: `${file.name}: ${decoded.problems.join(' ')}` });
      return;
    }
    setChosen({ name: file.name, file: decoded });
  };

  const replay = async (timing: ReplayTiming) => {
    if (chosen === null) return;
    setChosen(null);
    const connection = startPersistence();
    await connection.ready;
    connection.newChat();
    if (chosen.file.problems.length > 0) useHistoryUi.setState({ note: `${chosen.name}: ${chosen.file.problems.join(' ')}` });
    await replayRecording(chosen.name, chosen.file, timing);
  };

  return (
    <>
      <button type="button" className={buttonClass} onClick={() => input.current?.click()}>
        Import .sse
      </button>
      <input
        ref={input}
        type="file"
        accept=".sse,text/event-stream,text/plain"
        aria-label="Import a recorded stream (.sse)"
        className="hidden"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file !== undefined) void read(file);
        }}
      />
      <Modal open={chosen !== null} onClose={() => setChosen(null)} title="Replay a recorded stream" closeLabel="Cancel">
        {chosen !== null && (
          <>
            <p>
              <span className="font-mono">{chosen.name}</span>: {chosen.file.events} events
              {chosen.file.record.response !== null && chosen.file.record.response.status !== 200 ? `, HTTP ${chosen.file.record.response.status}` : ''}. It is replayed into a new conversation.
            </p>
            {chosen.file.problems.length > 0 && (
              <ul className="list-disc pl-5 text-amber-800 dark:text-amber-300" aria-label="Problems with the file">
                {chosen.file.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            )}
            {!chosen.file.timed && <p className="text-stone-600 dark:text-stone-400">The file has no arrival times: it can only be replayed at full speed.</p>}
            {busy && <p className="text-stone-600 dark:text-stone-400">An answer is streaming: replay once it has finished, or stop it.</p>}
            <div className="flex gap-2">
              <button type="button" className="btn-primary" disabled={busy || !chosen.file.timed} onClick={() => void replay('recorded')}>
                Recorded timing
              </button>
              <button type="button" className="btn-secondary" disabled={busy} onClick={() => void replay('full')}>
                Full speed
              </button>
            </div>
          </>
        )}
      </Modal>
    </>
  );
}
