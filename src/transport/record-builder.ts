// Builds a stream's record as the bytes come. The hot path pays one array
// push per network read (the bytes fetch already allocated) and one number
// per event (its arrival time), no object per event. The bytes are decoded
// once (UTF-8, streaming, so a character split across reads is whole) only
// when the record is read, and at the end, into one flat string; decoding
// as they came cost the path 50-70% (bench:protocol), decoding once after
// it a fraction of that, off the path.
import type { StreamEnd } from '../protocol';
import { EMPTY_MARKS, RECORD_VERSION, segmentSse, toMicros, type RecordedRequest, type RecordedResponse, type RecordMarks, type StreamRecord } from '../record';

export interface RecordBuilder {
  response(response: RecordedResponse): void;
  /** A network read, at `at` on the page's clock. */
  chunk(bytes: Uint8Array, at: number): void;
  /**
   * A message the stream dispatched, at the time of the read that completed
   * it (or, attached again after a reload, when it first arrived: possibly
   * before the first read here). Returns the time as recorded (ms after the request was sent).
   */
  message(event: string, at: number): number;
  end(end: StreamEnd): void;
  /** Drops bytes after the last whole event: a connection that broke mid-event, before attaching again. */
  cutToWholeEvents(): void;
  /** The record so far; waits for the request's summary (attachments are hashed off the hot path). */
  snapshot(): Promise<StreamRecord>;
}

export interface BuilderStart {
  /** Wall-clock time the request was sent. */
  readonly sentAt: number;
  /** The same moment on the page's clock: the origin of every time in the record. */
  readonly startedAt: number;
  readonly request: Promise<RecordedRequest | null>;
  /** A full-speed replay's recorded marks, kept instead of the replay's own. */
  readonly marks?: RecordMarks;
}


export function createRecordBuilder({ sentAt, startedAt, request, marks: recordedMarks }: BuilderStart): RecordBuilder {
  const decoder = new TextDecoder();
  /** Reads not decoded yet; each is decoded once, then let go. */
  let undecoded: Uint8Array[] = [];
  let pieces: string[] = [];
  let times = new Float64Array(256);
  let count = 0;
  let response: RecordedResponse | null = null;
  let firstByte: number | null = null;
  let firstContentDelta: number | null = null;
  let lastByte: number | null = null;
  let end: StreamEnd | null = null;
  const body = () => {
    for (const bytes of undecoded) pieces.push(decoder.decode(bytes, { stream: true }));
    undecoded = [];
    if (end !== null) {
      const tail = decoder.decode();
      if (tail !== '') pieces.push(tail);
    }
    if (pieces.length > 1) pieces = [pieces.join('')];
    return pieces[0] ?? '';
  };
  return {
    response(value) {
      response = value;
    },
    chunk(bytes, at) {
      const offset = toMicros(at - startedAt);
      firstByte ??= offset;
      lastByte = offset;
      undecoded.push(bytes);
    },
    message(event, at) {
      const offset = toMicros(at - startedAt);
      if (firstByte === null || offset < firstByte) firstByte = offset;
      if (firstContentDelta === null && event === 'content_block_delta') firstContentDelta = offset;
      if (count === times.length) {
        const grown = new Float64Array(times.length * 2);
        grown.set(times);
        times = grown;
      }
      times[count++] = offset;
      return offset;
    },
    cutToWholeEvents() {
      const text = body() + decoder.decode();
      const whole = segmentSse(text).messages[count - 1]?.end ?? 0;
      pieces = [text.slice(0, whole)];
    },
    end(value) {
      end = value;
      // Done growing: keep only the times that exist.
      times = times.slice(0, count);
    },
    async snapshot() {
      return {
        version: RECORD_VERSION,
        sentAt,
        request: await request,
        response,
        body: body(),
        times: times.slice(0, count),
        marks: end !== null && recordedMarks !== undefined ? recordedMarks : end === null && firstByte === null ? EMPTY_MARKS : { firstByte, firstContentDelta, lastByte },
        end,
      };
    },
  };
}
