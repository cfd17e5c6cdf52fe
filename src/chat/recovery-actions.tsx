import { useEffect, useState } from 'react';
import { selectIsLast, selectMessage, useChatStore } from '../store';
import { canContinue } from './continuation';
import { cancelRetry, continueAnswer, regenerateAnswer, retryAnswer } from './turn';

/**
 * Retry and Continue on an answer that did not complete, Regenerate on a
 * complete last answer, and the countdown of an automatic retry. Retry and
 * Regenerate keep the old answer as another version.
 */
export function RecoveryActions({ messageId }: { readonly messageId: string }) {
  const retry = useChatStore((s) => (s.retry?.messageId === messageId ? s.retry : null));
  const offer = useChatStore((s) => {
    const message = selectMessage(s, messageId);
    if (s.turnActive || message?.role !== 'assistant' || !selectIsLast(s, messageId)) return 'none';
    const status = message.stream.status;
    if (status === 'streaming') return 'none';
    if (status === 'complete' && message.stream.header?.stop_reason !== 'max_tokens') return 'regenerate';
    return canContinue(message) ? 'retry-continue' : 'retry';
  });
  if (retry !== null) return <RetryCountdownView at={retry.at} attempt={retry.attempt} max={retry.maxAttempts} />;
  if (offer === 'none') return null;
  if (offer === 'regenerate') {
    return (
      <div className="flex gap-2">
        <button type="button" className="btn-secondary" onClick={() => void regenerateAnswer(messageId)}>
          Regenerate
        </button>
      </div>
    );
  }
  return (
    <div className="flex gap-2">
      <button type="button" className="btn-secondary" onClick={() => void retryAnswer(messageId)}>
        Retry
      </button>
      {offer === 'retry-continue' && (
        <button type="button" className="btn-secondary" onClick={() => void continueAnswer(messageId)}>
          Continue
        </button>
      )}
    </div>
  );
}

function RetryCountdownView({ at, attempt, max }: { readonly at: number; readonly attempt: number; readonly max: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((at - now) / 1000));
  return (
    // Not a live region: a screen reader would hear every tick. The announcer says it once.
    <div data-testid="retry-countdown" className="flex items-center gap-3 text-sm text-stone-700 dark:text-stone-300">
      <span>
        Retrying in {seconds} s (attempt {attempt} of {max})…
      </span>
      <button type="button" className="btn-secondary" onClick={cancelRetry}>
        Cancel
      </button>
    </div>
  );
}
