// The stream service: opens streams, parses and decodes what they bring, and
// hands it on in batches, each event with its arrival time on the page's
// clock; it builds each stream's record as it goes and keeps it until asked
// for it or told to let go. The same code runs in the stream worker
// (stream-worker.ts) and, where no worker can start, on the page
// (stream-client.ts), and under Node in the conformance runner: there is one
// path. A replay (a recorded stream played back) takes it too.
import { assertNever, createArrivalJoiner, type Arrival, type StreamEnd } from '../protocol';
import { sha256Hex, summariseBody, toMicros, type RecordedRequest } from '../record';
import { createRecordBuilder, type RecordBuilder } from './record-builder';
import { replayFetch, replayStamps } from './replay';
import { sleep } from './sleep';
import { streamMessage } from './stream-message';
import { BATCH_CHARS, REPLAY_STALL_TIMEOUT_MS, RESUME_DELAYS_MS } from './timing';
import type { FromService, MessageSink, ServiceOptions, StreamRequest, ToService } from './types';

/** Takes the page's messages; answers through `post`. */
export type StreamService = (message: ToService) => void;

const NO_TIMES = new Float64Array(0);


export function createStreamService(post: (message: FromService) => void, options: ServiceOptions = {}): StreamService {
  const now = options.now ?? (() => performance.now());
  const timeOrigin = options.timeOrigin ?? performance.timeOrigin;
  const recording = options.record ?? true;
  const running = new Map<number, { readonly controller: AbortController; readonly url: string; streamId: string | null; lastId: () => string; readonly stop: (streamId: string) => void }>();
  const records = new Map<number, RecordBuilder>();
  /** Settles when each stream has ended here. */
  const ended = new Map<number, Promise<void>>();

  const start = async (id: number, request: StreamRequest, pageTimeOrigin: number, startedAt: number, sentAt: number): Promise<void> => {
    let markEnded = () => {};
    ended.set(id, new Promise((resolve) => (markEnded = resolve)));
    const controller = new AbortController();
    const { replay, resume } = request;
    const fetchImpl = replay === undefined ? options.fetch : replayFetch(replay, now, startedAt - toPageClockOf(pageTimeOrigin));
    const live = { controller, url: request.url, streamId: resume?.streamId ?? null, lastId: () => lastId, stop: (streamId: string) => void stopKept(request.url, streamId, options.fetch) };
    running.set(id, live);
    // A reattach after a reload sends nothing: the request was sent by the page before it, and is not known here.
    const recordedRequest = replay !== undefined ? Promise.resolve(replay.request) : recording && resume === undefined ? requestAsSent(request) : Promise.resolve(null);
    // Attached again after a reload, the record counts from the first send, as the events it already had did.
    const firstSentAt = resume?.sentAt ?? sentAt;
    const origin = startedAt - (sentAt - firstSentAt);
    const builder = createRecordBuilder({ sentAt: replay?.sentAt ?? firstSentAt, startedAt: origin, request: recordedRequest, ...(replay?.timing === 'full' ? { marks: replay.marks } : {}) });
    if (recording) records.set(id, builder);
    /**
     * Record times by event id since the last batch: a kept stream numbers its events, and a block that
     * brings no message (a comment) takes an id too, so they are placed by id, not by count (NaN: no message).
     */
    let idTimes: number[] = [];
    let nextTimeId = 0;
    const noteTime = (messageId: string, offset: number) => {
      const eventId = Number(messageId);
      if (!Number.isInteger(eventId) || eventId < nextTimeId) return;
      for (; nextTimeId < eventId; nextTimeId++) idTimes.push(Number.NaN);
      idTimes.push(offset);
      nextTimeId += 1;
    };
    const batches = createBatcher((arrivals) => {
      const times = idTimes.length === 0 ? NO_TIMES : Float64Array.from(idTimes);
      idTimes = [];
      post({ type: 'batch', id, arrivals, times });
    });
    const toPageClock = toPageClockOf(pageTimeOrigin);
    // A full-speed replay stamps each read with its recorded time, so the record and the panel keep the recorded gaps.
    const stamps = replay?.timing === 'full' ? replayStamps(replay) : [];
    let reads = 0;
    /** When the chunk being parsed arrived, on the page's clock: the arrival time of the messages it completes. */
    /** Now on the page's clock, to the microsecond (the record's precision). */
    const pageNow = () => toMicros(now() + toPageClock);
    let chunkAt = pageNow();
    /** The last event id seen (a kept stream numbers its events), and the one a reload had already applied. */
    let lastId = '';
    const appliedBefore = resume?.lastEventId === null || resume === undefined ? -1 : Number(resume.lastEventId);
    /** When an event the page already showed first arrived, on this clock (now, when that was not saved). */
    const firstArrival = (eventId: number) => {
      const offset = resume?.times?.[eventId];
      return typeof offset === 'number' && Number.isFinite(offset) ? origin + offset : chunkAt;
    };
    let opened = false;
    const sink: MessageSink = {
      onResponse: (status, headers) => {
        if (!opened) builder.response({ status, headers });
      },
      onOpen: (meta) => {
        live.streamId = meta.streamId ?? live.streamId;
        if (!opened) post({ type: 'open', id, meta });
        opened = true;
      },
      onChunk: (bytes) => {
        const stamp = stamps[reads++];
        chunkAt = stamp === undefined || stamp === null ? pageNow() : startedAt + stamp;
        if (recording) builder.chunk(bytes, chunkAt);
      },
      onMessage: (event, data, messageId) => {
        // Attached again after a reload: what the page already shows is recorded (when it first came), not applied twice.
        const shown = appliedBefore >= 0 && messageId !== '' && Number(messageId) <= appliedBefore;
        if (recording) {
          const offset = builder.message(event, shown ? firstArrival(Number(messageId)) : chunkAt);
          if (messageId !== '') noteTime(messageId, offset);
        }
        if (messageId !== '') lastId = messageId;
        if (shown) batches.skip();
        else batches.add(event, data, chunkAt, messageId);
      },
    };
    const attempt = (method: 'GET' | 'POST', streamId: string | null) =>
      streamMessage(
        {
          ...request,
          ...(method === 'GET' && streamId !== null ? { url: keptStreamUrl(request.url, streamId), headers: lastId === '' ? {} : { 'last-event-id': lastId } } : {}),
          ...(replay === undefined ? {} : { stallTimeoutMs: REPLAY_STALL_TIMEOUT_MS }),
          method,
          signal: controller.signal,
          ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
        },
        sink,
      );
    let end: StreamEnd;
    try {
      end = resume === undefined ? await attempt('POST', null) : await attempt('GET', resume.streamId);
      // A reload found the stream gone: the answer stays as it was, cut off.
      if (resume !== undefined && !opened) end = { kind: 'eof' };
      // A dropped connection to a kept stream: attach again after the last event seen, with backoff.
      for (let tries = 0; tries < RESUME_DELAYS_MS.length && end.kind === 'failed' && end.error.kind === 'network' && live.streamId !== null && !controller.signal.aborted; tries++) {
        await sleep(RESUME_DELAYS_MS[tries] ?? 0, controller.signal);
        if (controller.signal.aborted) break;
        builder.cutToWholeEvents();
        const before = lastId;
        const again = await attempt('GET', live.streamId);
        // Gone (404) or refused: the first failure stands.
        if (again.kind === 'failed' && again.error.kind === 'api') break;
        end = again;
        if (lastId !== before) tries = -1;
      }
      if (controller.signal.aborted && end.kind === 'failed' && end.error.kind === 'network') end = { kind: 'aborted' };
    } catch (cause) {
      end = { kind: 'failed', error: { kind: 'network', message: cause instanceof Error ? cause.message : String(cause) } };
    } finally {
      running.delete(id);
    }
    builder.end(end);
    markEnded();
    batches.close();
    const recordedEnd = replay?.timing === 'full' && replay.marks.lastByte !== null ? startedAt + replay.marks.lastByte : null;
    post({ type: 'end', id, end, at: end.kind === 'eof' ? (recordedEnd ?? chunkAt) : toMicros(now() + toPageClock) });
  };

  const toPageClockOf = (pageTimeOrigin: number) => timeOrigin - pageTimeOrigin;

  return (message) => {
    switch (message.type) {
      case 'start':
        void start(message.id, message.request, message.timeOrigin, message.startedAt, message.sentAt);
        return;
      case 'abort': {
        const live = running.get(message.id);
        live?.controller.abort();
        // Stop is explicit: the proxy keeps a stream whose reader left, so it is told to stop it.
        if (live?.streamId !== null && live?.streamId !== undefined) live.stop(live.streamId);
        return;
      }
      case 'read': {
        const { id, seq } = message;
        const read = async () => {
          if (message.final === true) await ended.get(id);
          const builder = records.get(id);
          post({ type: 'record', id, seq, record: builder === undefined ? null : await builder.snapshot() });
        };
        void read();
        return;
      }
      case 'detach': {
        const live = running.get(message.id);
        live?.controller.abort();
        const streamId = live?.streamId ?? null;
        if (live === undefined || streamId === null) {
          post({ type: 'drained', id: message.id });
          return;
        }
        // Followed to its end, so the proxy keeps it (it cancels a stream nobody reads) until the page comes back for it.
        void follow(keptStreamUrl(live.url, streamId), live.lastId(), options.fetch).then(() => post({ type: 'drained', id: message.id }));
        return;
      }
      case 'release':
        records.delete(message.id);
        ended.delete(message.id);
        return;
      default:
        assertNever(message);
    }
  };
}

/** `/api/streams/{id}` beside the Messages URL the stream was asked of. */
function keptStreamUrl(messagesUrl: string, streamId: string): string {
  return messagesUrl.replace(/\/v1\/messages(?:\?.*)?$/, `/streams/${streamId}`);
}

/** Reads a kept stream to its end and drops what it brings: a reader that keeps it alive. */
async function follow(url: string, lastId: string, fetchImpl: typeof fetch | undefined): Promise<void> {
  try {
    const response = await (fetchImpl ?? globalThis.fetch)(url, { headers: lastId === '' ? {} : { 'last-event-id': lastId } });
    const reader = response.body?.getReader();
    for (let read = await reader?.read(); read !== undefined && !read.done; read = await reader?.read()) {
      // Nothing to keep: the page attaches again for the events when it comes back.
    }
  } catch {
    // Gone: the page finds out when it comes back.
  }
}

/** Asks the proxy to stop a kept stream, upstream too; nothing waits for the answer. */
async function stopKept(messagesUrl: string, streamId: string, fetchImpl: typeof fetch | undefined): Promise<void> {
  try {
    await (fetchImpl ?? globalThis.fetch)(keptStreamUrl(messagesUrl, streamId), { method: 'DELETE' });
  } catch {
    // The proxy is gone too: nothing left to stop.
  }
}


/** The request as the record keeps it; hashing attachments runs beside the stream, never before it. */
async function requestAsSent(request: StreamRequest): Promise<RecordedRequest | null> {
  const headers = Object.fromEntries(Object.entries(request.headers ?? {}).filter(([name]) => /^anthropic-(version|beta)$/i.test(name)));
  const path = new URL(request.url, 'http://page.invalid').pathname.replace(/^\/api(?=\/)/, '');
  try {
    return { method: 'POST', path, headers, body: await summariseBody(request.body, sha256Hex) };
  } catch {
    return { method: 'POST', path, headers, body: null };
  }
}

/**
 * Decodes and joins messages as they come, and hands them on once the task
 * that parsed them is over, or once BATCH_CHARS of data have piled up. Each
 * batch carries the record's times of the messages since the last one.
 */
function createBatcher(emit: (arrivals: Arrival[]) => void) {
  const joiner = createArrivalJoiner();
  let chars = 0;
  /** Messages recorded but not handed on (shown before a reload) since the last batch. */
  let skipped = false;
  let scheduled = false;
  const channel = new MessageChannel();
  const flush = () => {
    chars = 0;
    const arrivals = joiner.take();
    if (arrivals.length > 0 || skipped) emit(arrivals);
    skipped = false;
  };
  channel.port1.onmessage = () => {
    scheduled = false;
    flush();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    channel.port2.postMessage(null);
  };
  return {
    add(event: string, data: string, at: number, id: string) {
      joiner.add(event, data, at, id);
      chars += data.length;
      if (chars >= BATCH_CHARS) flush();
      schedule();
    },
    /** A message recorded but not handed on: its time still goes with the next batch. */
    skip() {
      skipped = true;
      schedule();
    },
    /** Hands on what is left; nothing is added after this. */
    close() {
      flush();
      channel.port1.close();
    },
  };
}
