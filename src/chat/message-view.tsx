import { memo } from 'react';
import { toUserMessage } from '../protocol';
import { selectBlockKinds, selectContinuationId, selectMessage, selectStream, useChatStore } from '../store';
import { chainEnd } from './continuation-chain';
import { UsagePanel } from '../usage';
import { BlockView } from './block-view';
import { BranchNav } from './branch-nav';
import { CopyAnswerButton } from './copy-answer';
import { RecoveryActions } from './recovery-actions';
import { ToolResultsView } from './tool-results-view';
import { UserMessageView } from './user-message';

export const MessageView = memo(function MessageView({ id }: { readonly id: string }) {
  const role = useChatStore((s) => selectMessage(s, id)?.role);
  switch (role) {
    case 'user':
      return <UserMessageView id={id} />;
    case 'assistant':
      return <AssistantMessageView id={id} />;
    case 'tool_results':
      return <ToolResultsView id={id} />;
    case 'notice':
      return <NoticeView id={id} />;
    case undefined:
      return null;
    default: {
      const unreachable: never = role;
      return unreachable;
    }
  }
});

function NoticeView({ id }: { readonly id: string }) {
  const text = useChatStore((s) => {
    const message = selectMessage(s, id);
    return message?.role === 'notice' ? message.text : '';
  });
  return (
    <p role="status" data-role="notice" className="mx-auto max-w-xl rounded-lg bg-amber-50 px-3 py-2 text-center text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
      {text}
    </p>
  );
}

const STOP_EXPLANATIONS: Readonly<Record<string, string>> = {
  max_tokens: 'The answer reached the max tokens limit and was cut off. Raise max tokens in Settings for longer answers.',
  refusal: 'Claude declined to continue this answer.',
  model_context_window_exceeded: "The conversation filled the model's context window, so the answer was cut off.",
  stop_sequence: 'The answer stopped at a stop sequence.',
};

/**
 * An answer, and the answers that continue it (after a cut-off and Continue,
 * or after the API paused the turn): shown as one article whose status is
 * the last continuation's.
 */
function AssistantMessageView({ id }: { readonly id: string }) {
  const isContinuation = useChatStore((s) => {
    const message = selectMessage(s, id);
    return message?.role === 'assistant' && message.continuationOf !== undefined;
  });
  const continuationId = useChatStore((s) => selectContinuationId(s, id));
  const status = useChatStore((s) => selectStream(s, chainEnd(s, id))?.status ?? 'streaming');
  if (isContinuation) return null;
  return (
    <article data-role="assistant" data-status={status} aria-busy={status === 'streaming'} className="flex flex-col gap-3">
      <AnswerBody id={id} continued={continuationId !== undefined} />
      {continuationId !== undefined && <Continuation id={continuationId} />}
      <div className="flex items-center gap-4">
        <BranchNav id={id} />
        {status !== 'streaming' && <CopyAnswerButton messageId={id} />}
      </div>
    </article>
  );
}

/** One continuation, then the one continuing it, if any. */
function Continuation({ id }: { readonly id: string }) {
  const next = useChatStore((s) => selectContinuationId(s, id));
  return (
    <>
      <div data-continuation className="flex flex-col gap-3">
        <AnswerBody id={id} continued={next !== undefined} />
      </div>
      {next !== undefined && <Continuation id={next} />}
    </>
  );
}

function AnswerBody({ id, continued }: { readonly id: string; readonly continued: boolean }) {
  const status = useChatStore((s) => selectStream(s, id)?.status ?? 'streaming');
  const kinds = useChatStore((s) => selectBlockKinds(s, id));
  const groups = groupTextRuns(kinds);
  const blockCount = groups.reduce((n, g) => n + g.length, 0);
  const error = useChatStore((s) => selectStream(s, id)?.error ?? null);
  const stopReason = useChatStore((s) => selectStream(s, id)?.header?.stop_reason ?? null);
  const requestedModel = useChatStore((s) => {
    const message = selectMessage(s, id);
    return message?.role === 'assistant' ? message.requestedModel : undefined;
  });
  const waiting = status === 'streaming' && blockCount === 0;
  const explanation = stopReason === null ? undefined : STOP_EXPLANATIONS[stopReason];
  return (
    <>
      {groups.map((group) =>
        group.length === 1 ? (
          <BlockView key={group[0]} messageId={id} index={group[0] ?? 0} />
        ) : (
          // Consecutive text blocks (the API splits text around citations) read as one passage.
          <div key={group[0]} data-text-run className="leading-relaxed [&>[data-block=text]]:inline">
            {group.map((index) => (
              <BlockView key={index} messageId={id} index={index} inline />
            ))}
          </div>
        ),
      )}
      {waiting && <TypingDots />}
      {status === 'stopped' && <p className="text-xs text-stone-600 dark:text-stone-400">Stopped.{continued ? ' Continued below.' : ''}</p>}
      {explanation !== undefined && status === 'complete' && (
        <p data-stop-reason={stopReason} className="text-xs text-stone-600 dark:text-stone-400">
          {explanation}
        </p>
      )}
      {error !== null && (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950/40 dark:text-red-300">
          {toUserMessage(error, { model: requestedModel })}
        </p>
      )}
      <UsagePanel messageId={id} />
      {!continued && <RecoveryActions messageId={id} />}
    </>
  );
}

function TypingDots() {
  return (
    <div aria-label="Waiting for the first token" role="img" className="flex gap-1 py-2">
      {[0, 1, 2].map((i) => (
        <span key={i} className="h-2 w-2 animate-pulse rounded-full bg-stone-400 motion-reduce:animate-none" style={{ animationDelay: `${i * 150}ms` }} />
      ))}
    </div>
  );
}

/** Block indexes grouped so that consecutive text blocks share one group. */
function groupTextRuns(kinds: string): number[][] {
  if (kinds === '') return [];
  const groups: number[][] = [];
  const list = kinds.split(' ');
  list.forEach((kind, index) => {
    const last = groups.at(-1);
    if (kind === 'text' && list[index - 1] === 'text' && last !== undefined) last.push(index);
    else groups.push([index]);
  });
  return groups;
}
