// Under the composer: the context meter, the forecast of the message being
// written (count_tokens on the exact request Send would make), the cache
// countdown, and warnings before sending.
import { useMemo } from 'react';
import type { Attachment } from '../attachments';
import { modelLimits } from '../settings';
import { useChatStore, type ChatMessage } from '../store';
import { CacheTtl, forecastFigures, formatCount, formatPercent, formatUsd, selectCacheState, useNow, type ForecastFigures } from '../usage';
import { toApiMessages } from './api-messages';
import { CONTEXT_WARNING_SHARE, ContextMeter } from './context-meter';
import { contextSplit } from './context-split';
import { CacheLossNote } from './cache-loss-note';
import { nextRequest, promptKeyOf, requestOptionsFor } from './next-request';
import { FORECAST_DEBOUNCE_MS, useDebounced, useForecast, type Forecast } from './use-forecast';

export function ComposerStatus({ text, attachments }: { readonly text: string; readonly attachments: readonly Attachment[] }) {
  const settings = useChatStore((s) => s.settings);
  const messageIds = useChatStore((s) => s.messageIds);
  const messages = useChatStore((s) => s.messages);
  const busy = useChatStore((s) => s.turnActive);
  const limits = useChatStore((s) => s.models.find((m) => m.id === s.settings.model)?.limits);
  const cache = useChatStore(selectCacheState);
  const transcript = useMemo(() => messageIds.flatMap((id) => messages[id] ?? []), [messageIds, messages]);
  const composing = !busy && (text.trim() !== '' || attachments.length > 0);
  // The request is built once typing pauses, not per keystroke: it walks the whole transcript.
  const draft = useDebounced(useMemo(() => ({ text, attachments }), [text, attachments]), FORECAST_DEBOUNCE_MS);
  const request = useMemo(() => (composing && (draft.text.trim() !== '' || draft.attachments.length > 0) ? nextRequest(settings, transcript, draft) : null), [composing, settings, transcript, draft]);
  const forecast = useForecast(request);
  const now = useNow(cache !== null);
  const window = modelLimits(settings.model, limits).contextWindow;

  const figures = useMemo(
    () =>
      forecast.kind === 'ready' && request !== null
        ? forecastFigures({ model: settings.model, inputTokens: forecast.inputTokens, maxTokens: settings.maxTokens, caching: settings.promptCaching, cache, promptKey: promptKeyOf(request.options), now })
        : null,
    [forecast, request, settings, cache, now],
  );
  const last = useMemo(() => lastRequestTokens(transcript), [transcript]);
  const meter = useMemo(() => {
    if (figures !== null && request !== null) return { tokens: figures.inputTokens, source: 'forecast' as const, split: contextSplit(request.options, request.messages, figures.inputTokens) };
    if (last === null) return null;
    const sent = requestOptionsFor(settings);
    return { tokens: last, source: 'last request' as const, split: contextSplit(sent, toApiMessages(transcript), last) };
  }, [figures, request, last, settings, transcript]);
  const full = meter !== null && meter.tokens >= CONTEXT_WARNING_SHARE * window;

  return (
    <div className="mt-1.5 flex flex-col gap-1 text-xs text-stone-600 dark:text-stone-400">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {meter !== null && <ContextMeter tokens={meter.tokens} window={window} source={meter.source} split={meter.split} />}
        {composing && <ForecastLine forecast={forecast} figures={figures} maxTokens={settings.maxTokens} />}
        <CacheTtl />
      </div>
      <CacheLossNote where="composer" />
      {full && meter !== null && (
        <p data-testid="context-warning" className="text-amber-800 dark:text-amber-300">
          The context window is {formatPercent(meter.tokens / window)} full ({formatCount(meter.tokens)} of {formatCount(window)} tokens): the answer has {formatCount(Math.max(0, window - meter.tokens))} tokens of room, and the oldest messages may need to go.
        </p>
      )}
      {figures?.longContext != null && (
        <p data-testid="long-context-warning" className="text-amber-800 dark:text-amber-300">
          This prompt is over {formatCount(figures.longContext.threshold)} tokens, so {settings.model} bills every token of the request at its long-context rates (${figures.longContext.input.toFixed(2)} input, ${figures.longContext.output.toFixed(2)} output per million tokens).
        </p>
      )}
    </div>
  );
}

function ForecastLine({ forecast, figures, maxTokens }: { readonly forecast: Forecast; readonly figures: ForecastFigures | null; readonly maxTokens: number }) {
  switch (forecast.kind) {
    case 'idle':
      return null;
    case 'counting':
      return (
        <span data-testid="forecast" data-state="counting">
          Counting tokens…{forecast.previous === null ? '' : ` (was ${formatCount(forecast.previous)})`}
        </span>
      );
    case 'unavailable':
      return (
        <span data-testid="forecast" data-state="unavailable" className="text-amber-800 dark:text-amber-300">
          No forecast: count_tokens could not count this request ({forecast.reason}). Sending still works.
        </span>
      );
    case 'ready': {
      if (figures === null) return null;
      const cost = figures.cost === null ? 'no price' : formatUsd(figures.cost);
      const max = figures.maxCost === null ? '' : ` · up to ${formatUsd(figures.maxCost)} if the answer runs to ${formatCount(maxTokens)} tokens`;
      return (
        <span data-testid="forecast" data-state="ready" data-input-tokens={figures.inputTokens} data-cached-tokens={figures.cachedTokens}>
          Next message: {formatCount(figures.inputTokens)} input tokens, {cost} · {formatPercent(figures.inputTokens === 0 ? 0 : figures.cachedTokens / figures.inputTokens)} from cache{max}
        </span>
      );
    }
    default: {
      const unreachable: never = forecast;
      return unreachable;
    }
  }
}

/** The last request's prompt plus its output: how full the context was after the last answer. */
function lastRequestTokens(transcript: readonly ChatMessage[]): number | null {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const message = transcript[i];
    if (message?.role !== 'assistant') continue;
    const usage = message.stream.header?.usage;
    if (usage === undefined) continue;
    return usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0) + usage.output_tokens;
  }
  return null;
}
