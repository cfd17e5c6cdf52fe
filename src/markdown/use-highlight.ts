import { useEffect, useRef, useState } from 'react';
import { inBackground } from './background';
import { grammarFor, highlight, highlightedBefore, isLoaded, loadGrammar } from './highlight';

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
 * Highlights `code` once its grammar has loaded, never during a render:
 * highlighting runs in background tasks (see background.ts) and the code is
 * shown plain until it is done, in the same box and font, so nothing moves.
 * A growing block is re-highlighted at most every LIVE_INTERVAL and shown as
 * highlighted prefix + plain rest. Code highlighted before (a block that
 * mounts again) is taken from a cache at once.
 */
export function useHighlight(code: string, lang: string, live: boolean): Highlighted | null {
  const grammar = grammarFor(lang);
  // Read from the module each render; the state only forces a render once the grammar arrives.
  const [, setArrived] = useState(0);
  const loaded = grammar !== null && isLoaded(grammar);
  useEffect(() => {
    if (grammar === null || loaded) return;
    let cancelled = false;
    // Fetching a grammar's chunk, and running it when it arrives, is work for colours only: it starts as
    // a background job, so a stream that is catching up does not pay for it.
    const cancelLoad = inBackground(() => {
      loadGrammar(grammar).then(
        () => {
          if (!cancelled) setArrived((n) => n + 1);
        },
        () => {}, // a failed chunk load leaves the code plain, which is still correct
      );
    });
    return () => {
      cancelled = true;
      cancelLoad();
    };
  }, [grammar, loaded]);

  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const latest = useRef(code);
  latest.current = code;

  // Settled code: one background job per version of the code.
  const cached = !live && loaded && grammar !== null ? highlightedBefore(code, grammar) : null;
  useEffect(() => {
    if (live || !loaded || grammar === null || cached !== null) return;
    return inBackground(() => {
      const html = highlight(code, grammar);
      if (html !== null) setSnapshot({ html, length: code.length, code });
    });
  }, [code, grammar, live, loaded, cached]);

  // Growing code: at most one pending re-highlight, on a timer, of whatever the code is by then.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancelJob = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (!live || !loaded || grammar === null || timer.current !== null) return;
    timer.current = setTimeout(() => {
      cancelJob.current = inBackground(() => {
        timer.current = null;
        const current = latest.current;
        const html = highlight(current, grammar);
        if (html !== null) setSnapshot({ html, length: current.length, code: current });
      });
    }, LIVE_INTERVAL);
  }, [code, grammar, live, loaded]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      cancelJob.current?.();
      timer.current = null;
    },
    [],
  );

  if (cached !== null) return { html: cached, length: code.length };
  // A snapshot is usable while it is still a prefix of the code (code only grows while streaming).
  if (snapshot !== null && code.startsWith(snapshot.code)) return snapshot;
  return null;
}
