// One request, read top to bottom: the transport hands over batches of
// decoded events (deltas joined, each with its arrival time); they wait in
// the arrival queue until the frame batcher, the only scheduler, applies them
// to the message and writes the store, once per frame. A burst is applied a
// frame's worth of content at a time, so the screen and the keyboard keep up.
import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { createArrivalQueue, createStreamedMessage, endStream, type StreamEnd } from '../protocol';
import { requestHeaders, type RequestOptions } from '../settings';
import { addStreamLog, beginStreaming, commitStreaming, createFrameBatcher, place, resumeStreaming, useChatStore, type AssistantMessage, type MessageDraft } from '../store';
import { DETACH, FRAME_CONTENT_CHARS, HIDDEN_TAB_FLUSH_MS, type Replay, type ResumePoint, type StreamClient } from '../transport';
import { promptKeyOf } from './next-request';

export const MESSAGES_URL = '/api/v1/messages';

export interface StreamOptions {
  readonly signal: AbortSignal;
  readonly client: StreamClient;
  readonly continuationOf?: string;
  readonly stallTimeoutMs?: number;
  readonly newId: (prefix: string) => string;
  /** Play a recorded stream instead of sending the request (an imported .sse file). */
  readonly replay?: Replay;
  /** Attach again to the kept stream of this answer (cut off by a reload) and stream on into it. */
  readonly resumeFrom?: AssistantMessage & { readonly resume: ResumePoint };
}

/**
 * Content applied per frame. A hidden tab has no frames to keep smooth and
 * its timers may run once a second or less: everything at once.
 */
function frameBudget(): number {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden' ? Number.POSITIVE_INFINITY : FRAME_CONTENT_CHARS;
}

export async function streamAssistant(options: RequestOptions, messages: MessageParam[], io: StreamOptions): Promise<AssistantMessage> {
  const queue = createArrivalQueue();
  const times = createEventTimes();
  let onFlushed: (() => void) | null = null;
  const batcher = createFrameBatcher(() => {
    const stream = queue.applyTo(current.stream, frameBudget());
    if (stream !== current.stream) current = { ...current, stream, ...resumeAt(current.resume, queue.appliedId(), times) };
    useChatStore.setState({ streaming: current });
    if (queue.waiting()) batcher.schedule();
    onFlushed?.();
  }, HIDDEN_TAB_FLUSH_MS);

  const { done, log } = io.client.open(
    {
      url: MESSAGES_URL,
      body: { ...options, messages },
      headers: requestHeaders(options),
      signal: io.signal,
      ...(io.stallTimeoutMs === undefined ? {} : { stallTimeoutMs: io.stallTimeoutMs }),
      ...(io.replay === undefined ? {} : { replay: io.replay }),
      ...(io.resumeFrom === undefined ? {} : { resume: io.resumeFrom.resume }),
    },
    {
      onOpen: (meta) => {
        current = { ...current, requestId: meta.requestId, ...resumeOnOpen(current.resume, meta.streamId, log.sentAt) };
        // A replayed recording's limits are history, not the account's state now.
        if (io.replay === undefined && meta.headers !== undefined && Object.keys(meta.headers).some((name) => name.startsWith('anthropic-ratelimit-'))) {
          useChatStore.setState({ rateLimits: { headers: meta.headers, at: Date.now() } });
        }
        batcher.schedule();
      },
      onBatch: (arrivals, recorded) => {
        times.add(recorded);
        queue.push(arrivals);
        batcher.schedule();
      },
    },
  );
  let current: AssistantMessage;
  if (io.resumeFrom === undefined) {
    const draft: MessageDraft<AssistantMessage> = {
      id: io.newId('assistant'),
      role: 'assistant',
      stream: createStreamedMessage(log.requestStartedAt),
      requestId: null,
      requestedModel: options.model,
      promptKey: promptKeyOf(options),
      ...(io.continuationOf === undefined ? {} : { continuationOf: io.continuationOf }),
    };
    current = place<AssistantMessage>(useChatStore.getState(), draft, Date.now());
    useChatStore.setState((s) => ({ ...beginStreaming(s, current), ...addStreamLog(s, current.id, log) }));
  } else {
    current = streamingAgain(io.resumeFrom, log.requestStartedAt);
    useChatStore.setState((s) => ({ ...resumeStreaming(s, current), ...addStreamLog(s, current.id, log) }));
  }

  const outcome = await done;
  if (io.signal.aborted && io.signal.reason === DETACH && current.resume !== undefined) {
    // Let go of, not stopped: it streams on at the proxy. Kept as it stands, still streaming, with its resume
    // point, so opening its conversation again attaches to it (as after a reload).
    batcher.cancel();
    const detached = { ...current, stream: queue.applyTo(current.stream, Number.POSITIVE_INFINITY), ...resumeAt(current.resume, queue.appliedId(), times) };
    useChatStore.setState((s) => commitStreaming(s, detached));
    return detached;
  }
  let end: StreamEnd = outcome.end;
  // A backlog larger than a frame's worth (a burst) is still shown a frame at a time, until Stop.
  const wake = () => onFlushed?.();
  io.signal.addEventListener('abort', wake);
  while (!io.signal.aborted && queue.backlog() > frameBudget()) {
    await new Promise<void>((resolve) => {
      onFlushed = resolve;
      batcher.schedule();
    });
  }
  io.signal.removeEventListener('abort', wake);
  onFlushed = null;
  // What arrived since the last frame is applied now; but Stop while a burst was being shown
  // stops it where it is (the rest was never seen, and may already end the message).
  if (io.signal.aborted) end = { kind: 'aborted' };
  if (!io.signal.aborted || queue.backlog() <= frameBudget()) current = { ...current, stream: queue.applyTo(current.stream, Number.POSITIVE_INFINITY) };
  // The end is the last byte's time (a stopped stream's, the moment of Stop), not when the page got to it.
  current = { ...current, stream: endStream(current.stream, end, end === outcome.end ? outcome.at : performance.now()) };
  batcher.cancel();
  // The stream is over: there is nothing left to attach to.
  const { resume: _over, ...finished } = current;
  useChatStore.setState((s) => commitStreaming(s, finished));
  return finished;
}

/**
 * The resume point once the response is open: a new kept stream's, or the one reattached to (a point
 * saved before times were kept has no send time: the record then counts from this attach, and so do its times).
 */
function resumeOnOpen(resume: ResumePoint | undefined, streamId: string | null, sentAt: number): { resume?: ResumePoint } {
  if (resume !== undefined) return resume.sentAt === undefined ? { resume: { ...resume, sentAt } } : {};
  return streamId === null ? {} : { resume: { streamId, lastEventId: null, sentAt } };
}

/** The resume point after applying arrivals up to `appliedId`, with the times of the events so far; nothing changes without one. */
function resumeAt(resume: ResumePoint | undefined, appliedId: string | undefined, times: EventTimes): { resume?: ResumePoint } {
  if (resume === undefined || appliedId === undefined || appliedId === resume.lastEventId) return {};
  return { resume: { ...resume, lastEventId: appliedId, times: times.upTo(Number(appliedId)) } };
}

interface EventTimes {
  add(times: Float64Array): void;
  /** The times of events 0..`eventId` (as far as known): a view, O(1), whose values never change. */
  upTo(eventId: number): Float64Array;
}

/** Every event's record time, indexed by event id (a kept stream numbers its events from 0); appended once per batch. */
function createEventTimes(): EventTimes {
  let buffer = new Float64Array(256);
  let count = 0;
  return {
    add(times) {
      if (count + times.length > buffer.length) {
        // A new buffer: views handed out earlier keep the old one, whose values stay as they were.
        const grown = new Float64Array(Math.max(buffer.length * 2, count + times.length));
        grown.set(buffer.subarray(0, count));
        buffer = grown;
      }
      buffer.set(times, count);
      count += times.length;
    },
    upTo: (eventId) => buffer.subarray(0, Math.min(eventId + 1, count)),
  };
}

/**
 * An answer cut off by a reload, streaming again. Its times were read on the
 * old page's clock: they are moved onto this page's, counting from when the
 * answer was first placed, so durations stay about right.
 */
function streamingAgain(message: AssistantMessage, now: number): AssistantMessage {
  const timing = message.stream.timing;
  const shift = now - (Date.now() - message.createdAt) - timing.requestStartedAt;
  const moved = (at: number | null) => (at === null ? null : at + shift);
  return {
    ...message,
    stream: {
      ...message.stream,
      status: 'streaming',
      error: null,
      timing: { requestStartedAt: timing.requestStartedAt + shift, firstTokenAt: moved(timing.firstTokenAt), lastEventAt: moved(timing.lastEventAt), completedAt: null },
    },
  };
}
