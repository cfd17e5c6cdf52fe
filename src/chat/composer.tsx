import { useState, type KeyboardEvent } from 'react';
import { selectIsStreaming, useChatStore } from '../store';
import { sendMessage, stopStreaming } from './send';

export function Composer() {
  const [text, setText] = useState('');
  const streaming = useChatStore(selectIsStreaming);

  const submit = () => {
    if (streaming || text.trim() === '') return;
    const toSend = text;
    setText('');
    void sendMessage(toSend);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form
      className="mx-auto flex w-full max-w-3xl items-end gap-2 px-4 pb-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <textarea
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
        <button type="submit" disabled={text.trim() === ''} className="h-11 rounded-xl bg-orange-700 px-4 font-medium text-white hover:bg-orange-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500 disabled:opacity-50">
          Send
        </button>
      )}
    </form>
  );
}
