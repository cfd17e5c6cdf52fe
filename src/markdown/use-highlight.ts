import { useEffect, useRef, useState } from 'react';
import { grammarFor, MAX_HIGHLIGHT_CHARS } from './highlight';
import { highlighter } from './highlighter';

/** Highlighted HTML for the first `length` characters of the code. */
export interface Highlighted {
  readonly html: string;
  readonly length: number;
}

interface Snapshot extends Highlighted {
  readonly code: string;
}

/** While code streams in, re-highlight at most this often (ms). */
const LIVE_INTERVAL = 200;

/**
 * Highlights `code` off the render: requests are sent from background jobs
 * (see background.ts), so they never hold up a frame, and
 * are highlighted in the highlight worker (see highlighter.ts). The code is
 * shown plain until then, in the same box and font, so nothing moves. A
 * growing block is re-highlighted at most every LIVE_INTERVAL, one request
 * at a time, and shown as highlighted prefix + plain rest. Code highlighted
 * before (a block that mounts again) is taken from a cache at once.
 */
export function useHighlight(code: string, lang: string, live: boolean): Highlighted | null {
  // Code over the limit stays plain: not worth a request.
  const grammar = code.length <= MAX_HIGHLIGHT_CHARS ? grammarFor(lang) : null;
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  // The code as of the last commit, read by the live re-highlight's timer
  // (set in an effect: a render React discards must not change it).
  const latest = useRef(code);
  useEffect(() => {
    latest.current = code;
  }, [code]);

  // Settled code: one request per version of the code.
  const cached = !live && grammar !== null ? highlighter.highlightedBefore(code, grammar) : null;
  useEffect(() => {
    if (live || grammar === null || cached !== null) return;
    let cancelRequest: (() => void) | undefined;
    const cancelJob = highlighter.inBackground(() => {
      cancelRequest = highlighter.highlight({ code, grammar, remember: true }, (html) => {
        if (html !== null) setSnapshot({ html, length: code.length, code });
      });
    });
    return () => {
      cancelJob();
      cancelRequest?.();
    };
  }, [code, grammar, live, cached]);

  // Growing code: at most one re-highlight pending (a timer, then a background job, then a request), of
  // whatever the code is by then. Once it is shown, code that grew meanwhile gets the next one.
  const pending = useRef<{ cancel: () => void } | null>(null);
  const shownCode = snapshot?.code;
  useEffect(() => {
    if (!live || grammar === null || pending.current !== null || shownCode === code) return;
    const mine = { cancel: () => clearTimeout(timer) };
    const timer = setTimeout(() => {
      mine.cancel = highlighter.inBackground(() => {
        const current = latest.current;
        mine.cancel = highlighter.highlight({ code: current, grammar, remember: false }, (html) => {
          if (pending.current === mine) pending.current = null;
          if (html !== null) setSnapshot({ html, length: current.length, code: current });
        });
      });
    }, LIVE_INTERVAL);
    pending.current = mine;
  }, [code, grammar, live, shownCode]);
  useEffect(
    () => () => {
      pending.current?.cancel();
      pending.current = null;
    },
    [],
  );

  if (cached !== null) return { html: cached, length: code.length };
  // A snapshot is usable while it is still a prefix of the code (code only grows while streaming).
  if (snapshot !== null && code.startsWith(snapshot.code)) return snapshot;
  return null;
}
