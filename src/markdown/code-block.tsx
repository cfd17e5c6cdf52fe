import { memo } from 'react';
import { CopyButton } from './copy-button';
import { useHighlight } from './use-highlight';

export interface CodeBlockProps {
  readonly code: string;
  readonly lang: string;
  /** In the growing tail: highlight on a timer instead of on every delta. */
  readonly live: boolean;
}

/**
 * Plain and highlighted code share one <pre>/<code> box and font, and
 * highlight.css only changes colours, so the highlighter arriving never moves
 * anything.
 */
export const CodeBlock = memo(function CodeBlock({ code, lang, live }: CodeBlockProps) {
  const highlighted = useHighlight(code, lang, live);
  return (
    <div className="md-code overflow-hidden rounded-lg border border-stone-200 bg-stone-50 dark:border-stone-700 dark:bg-stone-900">
      <div className="flex items-center justify-between border-b border-stone-200 py-1 pl-3 pr-1 dark:border-stone-700">
        <span data-testid="code-lang" className="font-mono text-xs text-stone-600 dark:text-stone-400">
          {lang === '' ? 'text' : lang}
        </span>
        <CopyButton text={code} />
      </div>
      {/* Focusable so keyboard users can scroll long lines (axe: scrollable-region-focusable). */}
      <pre tabIndex={0} className="overflow-x-auto p-3 text-[0.8125rem] leading-relaxed focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-orange-500">
        <code className="font-mono">
          {highlighted === null ? (
            code
          ) : (
            <>
              {/* Trusted: highlight.js escapes the code text it is given. */}
              <span dangerouslySetInnerHTML={{ __html: highlighted.html }} />
              {code.slice(highlighted.length)}
            </>
          )}
        </code>
      </pre>
    </div>
  );
});
