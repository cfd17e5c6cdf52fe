import { useEffect, useState } from 'react';
import { selectAssistant, useChatStore } from '../store';
import { formatCount, formatDuration, formatRate, usageFigures } from './format';

/** Live while streaming: re-renders with the message and on a slow tick for the clocks. */
export function UsagePanel({ messageId }: { readonly messageId: string }) {
  const message = useChatStore((s) => selectAssistant(s, messageId));
  const streaming = message?.stream.status === 'streaming';
  const now = useTicker(streaming);
  if (message === undefined) return null;
  const f = usageFigures(message.stream, message.requestedModel, now);
  const rows: ReadonlyArray<readonly [string, string]> = [
    ['Model', f.model],
    ['Stop reason', f.stopReason],
    ['Input tokens', formatCount(f.inputTokens)],
    ['Output tokens', `${f.outputEstimated && f.outputTokens !== null ? '~' : ''}${formatCount(f.outputTokens)}`],
    ['Cache write tokens', formatCount(f.cacheWriteTokens)],
    ['Cache read tokens', formatCount(f.cacheReadTokens)],
    ['Time to first token', formatDuration(f.timeToFirstTokenMs)],
    ['Total time', formatDuration(f.totalTimeMs)],
    ['Output tokens/s', `${f.outputEstimated && f.outputTokensPerSecond !== null ? '~' : ''}${formatRate(f.outputTokensPerSecond)}`],
  ];
  return (
    <div data-testid="usage" className="mt-2 rounded-lg border border-stone-200 bg-stone-50/70 px-3 py-2 text-xs dark:border-stone-700 dark:bg-stone-900/60">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-2">
            <dt className="text-stone-500 dark:text-stone-400">{label}</dt>
            <dd className="font-mono tabular-nums text-stone-800 dark:text-stone-200">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function useTicker(active: boolean): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [active]);
  return active ? now : performance.now();
}
