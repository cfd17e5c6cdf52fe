import { memo } from 'react';
import { toUserMessage } from '../protocol';
import { selectBlockCount, selectMessage, selectStream, useChatStore } from '../store';
import { UsagePanel } from '../usage';
import { BlockView } from './block-view';

export const MessageView = memo(function MessageView({ id }: { readonly id: string }) {
  const role = useChatStore((s) => selectMessage(s, id)?.role);
  if (role === 'user') return <UserMessageView id={id} />;
  if (role === 'assistant') return <AssistantMessageView id={id} />;
  return null;
});

function UserMessageView({ id }: { readonly id: string }) {
  const text = useChatStore((s) => {
    const message = selectMessage(s, id);
    return message?.role === 'user' ? message.text : '';
  });
  return (
    <article data-role="user" data-status="complete" className="ml-auto max-w-[85%] rounded-2xl bg-stone-200/80 px-4 py-2.5 dark:bg-stone-800">
      <div data-block="text" className="whitespace-pre-wrap break-words">{text}</div>
    </article>
  );
}

function AssistantMessageView({ id }: { readonly id: string }) {
  const status = useChatStore((s) => selectStream(s, id)?.status ?? 'streaming');
  const blockCount = useChatStore((s) => selectBlockCount(s, id));
  const error = useChatStore((s) => selectStream(s, id)?.error ?? null);
  const waiting = status === 'streaming' && blockCount === 0;
  return (
    <article data-role="assistant" data-status={status} aria-busy={status === 'streaming'} className="flex flex-col gap-3">
      {Array.from({ length: blockCount }, (_, index) => (
        <BlockView key={index} messageId={id} index={index} />
      ))}
      {waiting && <TypingDots />}
      {status === 'stopped' && <p className="text-xs text-stone-500">Stopped.</p>}
      {error !== null && (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950/40 dark:text-red-300">
          {toUserMessage(error)}
        </p>
      )}
      <UsagePanel messageId={id} />
    </article>
  );
}

function TypingDots() {
  return (
    <div aria-label="Waiting for the first token" className="flex gap-1 py-2">
      {[0, 1, 2].map((i) => (
        <span key={i} className="h-2 w-2 animate-pulse rounded-full bg-stone-400 motion-reduce:animate-none" style={{ animationDelay: `${i * 150}ms` }} />
      ))}
    </div>
  );
}
