// One request: stream an assistant message into the store. Events queue up
// between frames and are reduced in one batch per frame; the frame batcher
// writes the store at most once per frame.
import { applyDecodeError, applyEvents, createStreamedMessage, decodeEvent, endStream, type DecodeResult, type StreamedMessage, type TimedEvent } from '../protocol';
import { recordDeferred, recordEvent, startEventLog } from '../inspector';
import { API_VERSION, type RequestOptions } from '../settings';
import { beginStreaming, commitStreaming, createFrameBatcher, place, useChatStore, type AssistantMessage, type MessageDraft } from '../store';
import { openStream, unpackMessages } from '../transport';
import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';

export const MESSAGES_URL = '/api/v1/messages';

export interface StreamOptions {
  readonly signal: AbortSignal;
  readonly continuationOf?: string;
  readonly stallTimeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly newId: (prefix: string) => string;
}

export async function streamAssistant(options: RequestOptions, messages: MessageParam[], io: StreamOptions): Promise<AssistantMessage> {
  const body = { ...options, messages };
  const draft: MessageDraft<AssistantMessage> = {
    id: io.newId('assistant'),
    role: 'assistant',
    stream: createStreamedMessage(performance.now()),
    requestId: null,
    requestedModel: options.model,
    ...(io.continuationOf === undefined ? {} : { continuationOf: io.continuationOf }),
  };
  let current = place<AssistantMessage>(useChatStore.getState(), draft, Date.now());
  useChatStore.setState((s) => beginStreaming(s, current));
  const log = startEventLog(current.id, current.stream.timing.requestStartedAt);

  let pending: TimedEvent[] = [];
  const setStream = (stream: StreamedMessage) => {
    if (stream !== current.stream) current = { ...current, stream };
  };
  const applyPending = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    setStream(applyEvents(current.stream, batch));
  };
  const take = (decoded: DecodeResult, at: number) => {
    if (decoded.ok) {
      pending.push({ event: decoded.event, at });
    } else {
      applyPending();
      setStream(applyDecodeError(current.stream, decoded.error));
    }
  };
  const batcher = createFrameBatcher(() => {
    applyPending();
    useChatStore.setState({ streaming: current });
  });

  const end = await openStream(
    { url: MESSAGES_URL, body, headers: { 'anthropic-version': API_VERSION }, signal: io.signal, fetch: io.fetch, stallTimeoutMs: io.stallTimeoutMs },
    {
      onOpen: (meta) => {
        current = { ...current, requestId: meta.requestId };
        batcher.schedule();
      },
      onMessage: (event, data, at) => {
        const now = at ?? performance.now();
        recordEvent(log, event, data, now);
        take(decodeEvent(event, data), now);
        batcher.schedule();
      },
      // From the stream worker: already decoded; the raw messages are listed only if the log is read.
      onDecoded: (raw, decoded, at) => {
        recordDeferred(log, (visit) => unpackMessages(raw, visit), at);
        for (const result of decoded) take(result, at);
        batcher.schedule();
      },
      // A paced burst: render now, so the coming frame only lays out and paints.
      onPause: () => batcher.flushNow(),
    },
  );
  applyPending();
  setStream(endStream(current.stream, end, performance.now()));
  batcher.flushNow();
  const finished = current;
  useChatStore.setState((s) => commitStreaming(s, finished));
  return finished;
}
