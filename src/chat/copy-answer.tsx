import { selectMessage, useChatStore } from '../store';
import { useCopy } from '../ui';
import { resumableText } from './continuation';
import { continuationChain } from './continuation-chain';

/**
 * Copies an answer's text as markdown, its continuations included. The text is read from the store on
 * click, not selected on every update, so the button costs nothing while
 * other answers stream.
 */
export function CopyAnswerButton({ messageId }: { readonly messageId: string }) {
  const [state, copyText] = useCopy();
  const copy = () => {
    const s = useChatStore.getState();
    const text = continuationChain(s, messageId).flatMap((id) => {
      const message = selectMessage(s, id);
      return message?.role === 'assistant' ? [resumableText(message)] : [];
    });
    copyText(text.join(''));
  };
  return (
    <button type="button" onClick={copy} aria-live="polite" className="text-xs text-sky-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-orange-500 dark:text-sky-300">
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy answer'}
    </button>
  );
}
