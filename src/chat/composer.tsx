import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useChatStore } from '../store';
import { editLastQuestion } from './branch-actions';
import { settingsProblems } from './preflight';
import { sendMessage, stopStreaming } from './turn';

export function Composer() {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const activeId = useChatStore((s) => s.activeId);
  // A new or reopened conversation is ready to type into.
  useEffect(() => {
    input.current?.focus();
  }, [activeId]);
  const streaming = useChatStore((s) => s.turnActive);
  const settings = useChatStore((s) => s.settings);
  const capabilities = useChatStore((s) => s.models.find((m) => m.id === s.settings.model)?.capabilities);
  const problems = settingsProblems(settings, capabilities);
  const blocked = problems.length > 0;

  const submit = () => {
    if (streaming || blocked || text.trim() === '') return;
    const toSend = text;
    setText('');
    void sendMessage(toSend);
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

  return (
    <div className="mx-auto w-full max-w-3xl px-4 pb-4">
    {blocked && (
      <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-400">
        Can't send yet: {problems[0]} (Settings)
      </p>
    )}
    <form
      className="flex w-full items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <textarea
        ref={input}
        id="composer"
        aria-label="Message"
        autoFocus
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        rows={Math.min(8, Math.max(1, text.split('\n').length))}
        placeholder="Message Claude… (Enter to send, Shift+Enter for a new line)"
        className="min-h-11 flex-1 resize-none rounded-xl border border-stone-300 bg-white px-3 py-2.5 shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-orange-500 dark:border-stone-700 dark:bg-stone-900"
      />
      {streaming ? (
        <button type="button" onClick={stopStreaming} className="h-11 rounded-xl bg-stone-800 px-4 font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500 dark:bg-stone-200 dark:text-stone-900">
          Stop
        </button>
      ) : (
        <button type="submit" disabled={text.trim() === '' || blocked} className="h-11 rounded-xl bg-orange-700 px-4 font-medium text-white hover:bg-orange-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500 disabled:opacity-50">
          Send
        </button>
      )}
    </form>
    </div>
  );
}
