import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';

type Katex = typeof import('katex').default;

let katexModule: Katex | undefined;
let loading: Promise<Katex> | undefined;

/** KaTeX (~270 KB with fonts and CSS) is fetched only when an answer uses math. */
function loadKatex(): Promise<Katex> {
  loading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([module]) => {
    katexModule = module.default;
    return module.default;
  });
  return loading;
}

function useKatex(): Katex | undefined {
  const [, setArrived] = useState(0);
  useEffect(() => {
    if (katexModule !== undefined) return;
    let cancelled = false;
    loadKatex().then(
      () => {
        if (!cancelled) setArrived((n) => n + 1);
      },
      () => {}, // without KaTeX the TeX source stays visible, which is still readable
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return katexModule;
}

export interface MathProps {
  readonly tex: string;
  readonly display: boolean;
  /** False while a `$$` block is still streaming: its TeX is incomplete. */
  readonly closed: boolean;
}

export const MathView = memo(function MathView({ tex, display, closed }: MathProps) {
  const katex = useKatex();
  const target = useRef<HTMLElement>(null);
  const ready = katex !== undefined && closed;
  useLayoutEffect(() => {
    const element = target.current;
    if (katex === undefined || !ready || element === null) return;
    // Built as DOM nodes rather than an HTML string: KaTeX then sets its sizes
    // through the CSSOM, which the Content-Security-Policy allows, where style
    // attributes in injected markup would be blocked. trust: false keeps \href,
    // \url and \htmlClass inert; the limits stop pathological macros from
    // freezing the tab. KaTeX escapes the TeX it renders.
    katex.render(tex, element, { displayMode: display, throwOnError: false, trust: false, strict: 'ignore', maxExpand: 1000, maxSize: 50 });
  }, [katex, ready, tex, display]);

  if (!ready) {
    return display ? (
      <div data-math="pending" className="overflow-x-auto py-1 text-center font-mono text-sm text-stone-700 dark:text-stone-300">
        {tex}
      </div>
    ) : (
      <code data-math="pending" className="font-mono text-[0.9em]">
        {tex}
      </code>
    );
  }
  return display ? (
    <div key="display" ref={(element) => void (target.current = element)} data-math="display" className="overflow-x-auto overflow-y-hidden py-1" />
  ) : (
    <span key="inline" ref={(element) => void (target.current = element)} data-math="inline" />
  );
});
