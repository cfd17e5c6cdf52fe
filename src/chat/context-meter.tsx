import { useId, useState } from 'react';
import { formatCount, formatPercent } from '../usage';
import { SPLIT_LABELS, type ContextSplit } from './context-split';

/** Share of the window at which the meter warns before sending. */
export const CONTEXT_WARNING_SHARE = 0.8;

export interface ContextMeterProps {
  readonly tokens: number;
  readonly window: number;
  /** What the figure is: the forecast of the message being written, or the last request. */
  readonly source: 'forecast' | 'last request';
  readonly split: ContextSplit;
}

/** How full the context window is; focus or hover breaks the total down. */
export function ContextMeter({ tokens, window, source, split }: ContextMeterProps) {
  const [open, setOpen] = useState(false);
  const tipId = useId();
  const share = window > 0 ? tokens / window : 0;
  const tone = share >= CONTEXT_WARNING_SHARE ? 'bg-red-600' : share >= 0.5 ? 'bg-amber-500' : 'bg-sky-600';
  // A sliver of a million-token window reads "<1%", not a "0%" that looks empty.
  const percent = share > 0 && share < 0.005 ? '<1%' : formatPercent(share);
  const text = `${formatCount(tokens)} of ${formatCount(window)} tokens (${percent}), ${source === 'forecast' ? 'with the message being written' : 'as of the last request'}`;
  return (
    <span className="relative inline-flex items-center gap-1.5" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <span
        role="meter"
        aria-label="Context window"
        aria-valuemin={0}
        aria-valuemax={window}
        aria-valuenow={tokens}
        aria-valuetext={text}
        aria-describedby={open ? tipId : undefined}
        data-source={source}
        tabIndex={0}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        className="inline-block h-2 w-20 overflow-hidden rounded-full bg-stone-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500 dark:bg-stone-700"
      >
        <span className={`block h-full ${tone}`} style={{ width: `${Math.min(100, share * 100)}%` }} />
      </span>
      <span className="tabular-nums">{percent}</span>
      {open && (
        <span id={tipId} role="tooltip" data-testid="context-breakdown" className="absolute bottom-full left-0 z-10 mb-1 w-64 rounded-lg border border-stone-200 bg-white p-2 shadow-lg dark:border-stone-700 dark:bg-stone-900">
          <span className="mb-1 block font-medium">Context window: {text}</span>
          {SPLIT_LABELS.map(([key, label]) => (
            <span key={key} data-part={key} className="flex justify-between gap-2">
              <span>{label}</span>
              <span className="font-mono tabular-nums">~{formatCount(split[key])}</span>
            </span>
          ))}
          <span className="mt-1 block text-stone-500 dark:text-stone-400">The split is estimated from the text; the total is exact.</span>
        </span>
      )}
    </span>
  );
}
