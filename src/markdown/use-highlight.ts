import { useEffect, useMemo, useRef, useState } from 'react';
import { grammarFor, highlight, isLoaded, loadGrammar } from './highlight';

/** Highlighted HTML for the first `length` characters of the code. */
export interface Highlighted {
  readonly html: string;
  readonly length: number;
}

/** While code streams in, re-highlight at most this often (ms). */
const LIVE_INTERVAL = 200;

/**
 * Highlights `code` once its grammar has loaded. A settled block is
 * highlighted once (memoized); a growing one is re-highlighted on a timer and
 * shown as highlighted prefix + plain suffix, so a delta never waits on the
 * highlighter and the text is never hidden.
 */
export function useHighlight(code: string, lang: string, live: boolean): Highlighted | null {
  const grammar = grammarFor(lang);
  // Read from the module each render; the state only forces a render once the grammar arrives.
  const [, setArrived] = useState(0);
  const loaded = grammar !== null && isLoaded(grammar);
  useEffect(() => {
    if (grammar === null || loaded) return;
    let cancelled = false;
    loadGrammar(grammar).then(
      () => {
        if (!cancelled) setArrived((n) => n + 1);
      },
      () => {}, // a failed chunk load leaves the code plain, which is still correct
    );
    return () => {
      cancelled = true;
    };
  }, [grammar, loaded]);

  const settled = useMemo(() => {
    if (live || !loaded || grammar === null) return null;
    const html = highlight(code, grammar);
    return html === null ? null : { html, length: code.length };
  }, [code, grammar, live, loaded]);

  const [snapshot, setSnapshot] = useState<Highlighted & { readonly code: string } | null>(null);
  const latest = useRef(code);
  latest.current = code;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!live || !loaded || grammar === null || timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      const current = latest.current;
      const html = highlight(current, grammar);
      if (html !== null) setSnapshot({ html, length: current.length, code: current });
    }, LIVE_INTERVAL);
  }, [code, grammar, live, loaded]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );

  if (settled !== null) return settled;
  // A snapshot is only usable while it is still a prefix of the code.
  if (live && snapshot !== null && code.startsWith(snapshot.code)) return snapshot;
  return null;
}
