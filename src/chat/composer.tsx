import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent } from 'react';
import { ACCEPT, AttachmentThumbnails, readAttachment, requestLimitProblem, type Attachment } from '../attachments';
import { toRequestOptions } from '../settings';
import { useChatStore } from '../store';
import { editLastQuestion } from './branch-actions';
import { ComposerStatus } from './composer-status';
import { settingsProblems } from './preflight';
import { nextRequestShape } from './request-size';
import { enabledTools } from './tools-in-use';
import { sendMessage, stopStreaming } from './turn';

export function Composer() {
  const [text, setText] = useState('');
  const [attachments, setAttachments] = useState<readonly Attachment[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const activeId = useChatStore((s) => s.activeId);
  // A new or reopened conversation is ready to type into.
  useEffect(() => {
    input.current?.focus();
  }, [activeId]);
  const streaming = useChatStore((s) => s.turnActive);
  const settings = useChatStore((s) => s.settings);
  const capabilities = useChatStore((s) => s.models.find((m) => m.id === s.settings.model)?.capabilities);
  const problems = settingsProblems(settings, capabilities);
  const requestProblem = useRequestProblem(attachments);
  const blocked = problems.length > 0 || requestProblem !== null;
  const empty = text.trim() === '' && attachments.length === 0;

  const submit = () => {
    if (streaming || blocked || empty) return;
    const toSend = text;
    const files = attachments;
    setText('');
    setAttachments([]);
    setFileError(null);
    void sendMessage(toSend, { attachments: files });
  };

  /** Reads files one by one so each is checked against what is already attached. */
  const addFiles = async (files: readonly File[]) => {
    let current = attachments;
    const errors: string[] = [];
    for (const file of files) {
      const result = await readAttachment(file, current);
      if (result.ok) current = [...current, result.attachment];
      else errors.push(result.error);
    }
    setAttachments(current);
    setFileError(errors.length === 0 ? null : errors.join(' '));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'ArrowUp' && text === '' && !event.shiftKey && !event.altKey && !event.metaKey && !event.ctrlKey && editLastQuestion()) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = [...event.clipboardData.files];
    if (files.length === 0) return;
    event.preventDefault();
    void addFiles(files);
  };

  const onDrop = (event: DragEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDragging(false);
    void addFiles([...event.dataTransfer.files]);
  };

  return (
    <div className="mx-auto w-full max-w-3xl px-4 pb-4">
      {blocked && (
        <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-400">
          Can't send yet: {problems[0]} (Settings)
        </p>
      )}
      {requestProblem !== null && (
        <p role="alert" data-testid="request-limit" className="mb-2 text-sm text-red-700 dark:text-red-400">
          {requestProblem}
        </p>
      )}
      {fileError !== null && (
        <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-400">
          {fileError}
        </p>
      )}
      <form
        className={`flex w-full flex-col gap-2 rounded-xl ${dragging ? 'outline-2 outline-dashed outline-orange-500' : ''}`}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <AttachmentThumbnails attachments={attachments} onRemove={(id) => setAttachments((all) => all.filter((a) => a.id !== id))} />
        <div className="flex w-full items-end gap-2">
          <input
            ref={picker}
            type="file"
            multiple
            accept={ACCEPT}
            className="hidden"
            aria-hidden
            tabIndex={-1}
            data-testid="file-input"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              void addFiles(files);
            }}
          />
          <button
            type="button"
            aria-label="Attach images or PDFs"
            title="Attach images or PDFs (or drop or paste them)"
            onClick={() => picker.current?.click()}
            className="flex h-11 w-11 shrink-0 items-center justify-center rounded-xl border border-stone-300 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500 dark:border-stone-700 dark:hover:bg-stone-800"
          >
            <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5 fill-none stroke-current stroke-[1.6]">
              <path d="M14.5 9.5l-5.3 5.3a3.5 3.5 0 0 1-5-5l6-6a2.3 2.3 0 0 1 3.3 3.3l-6 6a1.2 1.2 0 0 1-1.7-1.7l5.3-5.3" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
          <textarea
            ref={input}
            id="composer"
            aria-label="Message"
            autoFocus
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            rows={Math.min(8, Math.max(1, text.split('\n').length))}
            placeholder="Message Claude… (Enter to send, Shift+Enter for a new line)"
            className="min-h-11 flex-1 resize-none rounded-xl border border-stone-300 bg-white px-3 py-2.5 shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-orange-500 dark:border-stone-700 dark:bg-stone-900"
          />
          {streaming ? (
            <button type="button" onClick={stopStreaming} className="h-11 rounded-xl bg-stone-800 px-4 font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500 dark:bg-stone-200 dark:text-stone-900">
              Stop
            </button>
          ) : (
            <button type="submit" disabled={empty || blocked} className="h-11 rounded-xl bg-orange-700 px-4 font-medium text-white hover:bg-orange-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500 disabled:opacity-50">
              Send
            </button>
          )}
        </div>
      </form>
      <ComposerStatus text={text} attachments={attachments} />
    </div>
  );
}

/**
 * Why the request this message would make is over the API's limits, with the
 * file to remove; null when it fits. Earlier attachments count too: they are
 * sent again with every request. Worked out again only when the files, the
 * conversation or its settings change, not on every keystroke.
 */
function useRequestProblem(pending: readonly Attachment[]): string | null {
  const messageIds = useChatStore((s) => s.messageIds);
  const messages = useChatStore((s) => s.messages);
  const settings = useChatStore((s) => s.settings);
  return useMemo(() => {
    const transcript = messageIds.flatMap((id) => messages[id] ?? []);
    if (pending.length === 0 && !transcript.some((m) => m.role === 'user' && (m.attachments?.length ?? 0) > 0)) return null;
    const tools = enabledTools(settings);
    const options = toRequestOptions(settings, [...tools.builtin, ...tools.custom]);
    return requestLimitProblem(nextRequestShape(transcript, pending, '', options, settings.promptCaching));
  }, [pending, messageIds, messages, settings]);
}
