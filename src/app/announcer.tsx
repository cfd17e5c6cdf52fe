// Screen readers hear when an answer starts and ends (with a short status),
// errors and a scheduled retry: one polite live region, never the tokens themselves. The
// transcript is deliberately not a live region.
import { useEffect, useState } from 'react';
import { toUserMessage } from '../protocol';
import { useChatStore, type AssistantMessage } from '../store';

function describeEnd(message: AssistantMessage): string {
  const { status, error, header } = message.stream;
  switch (status) {
    case 'complete':
      return `Answer complete${header === null ? '' : `, ${header.usage.output_tokens} tokens`}${header?.stop_reason === 'tool_use' ? ', running tools' : ''}.`;
    case 'stopped':
      return 'Answer stopped.';
    case 'interrupted':
    case 'error':
      return `Answer ${status === 'error' ? 'failed' : 'interrupted'}. ${error === null ? '' : toUserMessage(error, { model: message.requestedModel })}`;
    case 'streaming':
      return '';
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

export function Announcer() {
  const [text, setText] = useState('');
  useEffect(
    () =>
      useChatStore.subscribe((state, previous) => {
        if (previous.streaming === null && state.streaming !== null) setText('Claude is answering…');
        if (previous.streaming !== null && state.streaming === null) {
          const finished = state.messages[previous.streaming.id];
          if (finished?.role === 'assistant') setText(describeEnd(finished));
        }
        // A retry is announced once, when it is scheduled; the countdown on screen ticks silently.
        const retry = state.retry;
        if (retry !== null && (previous.retry === null || previous.retry.attempt !== retry.attempt || previous.retry.messageId !== retry.messageId)) {
          setText(`Retrying in ${Math.max(0, Math.ceil((retry.at - Date.now()) / 1000))} s (attempt ${retry.attempt} of ${retry.maxAttempts}).`);
        }
      }),
    [],
  );
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="announcer">
      {text}
    </div>
  );
}
