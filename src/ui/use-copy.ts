// Copy text to the clipboard with a short-lived "copied" or "failed" state
// for the button that asked. One implementation for code blocks and answers.
import { useEffect, useState } from 'react';

export type CopyState = 'idle' | 'copied' | 'failed';

const RESET_MS = 1500;

export function useCopy(): readonly [CopyState, (text: string) => void] {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), RESET_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = (text: string) => {
    // `clipboard` is missing outside secure contexts despite the DOM typings.
    const clipboard: Clipboard | undefined = navigator.clipboard;
    if (clipboard === undefined) {
      setState('failed');
      return;
    }
    clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return [state, copy];
}
