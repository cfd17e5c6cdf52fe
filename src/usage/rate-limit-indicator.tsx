import { useMemo } from 'react';
import { useChatStore, type AssistantMessage, type ChatState, type RetryCountdown } from '../store';
import { formatCountdown } from './cache-state';
import { useNow } from './cache-ttl';
import { formatCount } from './format';
import { compactCount, limitProblemOf, limitViews, worstLevel, type Level, type LimitProblem } from './rate-limit-levels';

const TONE: Readonly<Record<Level, string>> = {
  ok: 'text-stone-600 dark:text-stone-400',
  amber: 'text-amber-700 dark:text-amber-300',
  red: 'text-red-700 dark:text-red-400',
};

const SHORT: Readonly<Record<string, string>> = { requests: 'Req', 'input-tokens': 'In', 'output-tokens': 'Out' };

function latestAnswer(s: ChatState) {
  const id = s.messageIds.at(-1);
  const message = id === undefined ? undefined : s.streaming?.id === id ? s.streaming : s.messages[id];
  return message?.role === 'assistant' ? message : undefined;
}

/** The latest answer's 429 or 529, with when it may be retried (the automatic retry's countdown, else retry-after from when it was asked). */
function problemOf(answer: AssistantMessage | undefined, retry: RetryCountdown | null): { readonly problem: LimitProblem; readonly retryAt: number | null } | null {
  const problem = limitProblemOf(answer?.stream);
  if (answer === undefined || problem === null) return null;
  const retryAt = retry?.messageId === answer.id ? retry.at : problem.retryAfterSeconds === null ? null : answer.createdAt + problem.retryAfterSeconds * 1000;
  return { problem, retryAt };
}

/**
 * The latest response's rate limits in the header: requests, input and
 * output tokens remaining of their limits, with time to reset; amber under
 * 20%, red under 5%. A 429 (the organisation's limit) and a 529 (Claude
 * overloaded) read differently.
 */
export function RateLimitIndicator() {
  const report = useChatStore((s) => s.rateLimits);
  // Selectors return what the store holds (a new object per call would re-render forever).
  const answer = useChatStore(latestAnswer);
  const retry = useChatStore((s) => s.retry);
  const failure = useMemo(() => problemOf(answer, retry), [answer, retry]);
  const views = useMemo(() => (report === null ? [] : limitViews(report.headers)), [report]);
  const now = useNow(report !== null || failure !== null);
  if (failure !== null) {
    const wait = failure.retryAt === null ? '' : failure.retryAt > now ? ` · retry in ${formatCountdown(failure.retryAt - now)}` : ' · retrying';
    return failure.problem.kind === 'rate_limited' ? (
      <span data-testid="rate-limits" data-state="rate-limited" role="status" className="text-xs font-medium text-red-700 dark:text-red-400" title="429: your organisation has used up one of its rate limits. Requests succeed again once it resets.">
        Rate limited (your organisation's limit){wait}
      </span>
    ) : (
      <span data-testid="rate-limits" data-state="overloaded" role="status" className="text-xs font-medium text-amber-700 dark:text-amber-300" title="529: Claude is overloaded for everyone right now. This is not your limit; retrying usually works.">
        Claude is overloaded (not your limit){wait}
      </span>
    );
  }
  if (views.length === 0) return null;
  const resets = views.map((v) => v.resetsAt).filter((t): t is number => t !== null);
  const firstReset = resets.length === 0 ? null : Math.min(...resets);
  const level = worstLevel(views);
  const detail = views.map((v) => `${v.name}: ${formatCount(v.remaining)} of ${formatCount(v.limit)} left${v.resetsAt === null ? '' : `, resets ${new Date(v.resetsAt).toLocaleTimeString()}`}`).join('\n');
  return (
    <span data-testid="rate-limits" data-state={level} title={`Rate limits from the latest response:\n${detail}`} className={`hidden items-center gap-2 text-xs tabular-nums lg:flex ${TONE[level]}`}>
      {views.map((v) => (
        <span key={v.key} data-limit={v.key} data-remaining={v.remaining ?? ''} data-max={v.limit ?? ''} data-level={v.level} className={TONE[v.level]}>
          <span className="sr-only">{v.name} </span>
          <span aria-hidden>{SHORT[v.key]} </span>
          {compactCount(v.remaining)}/{compactCount(v.limit)}
        </span>
      ))}
      {firstReset !== null && <span data-testid="rate-limits-reset">{firstReset > now ? `resets ${formatCountdown(firstReset - now)}` : 'reset'}</span>}
    </span>
  );
}
