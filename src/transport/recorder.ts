// A stream's record: the response body's bytes as received, chunk by chunk,
// with the time each chunk arrived. Keeping them costs the hot path one array
// push per network read and no garbage: the bytes are the ones fetch already
// allocated. The messages are listed from them only when someone asks, by
// the same rules as the stream's parser, each with the arrival time of the
// chunk that completed it (the time the stream's events were given).
import type { RawEvents } from './types';

export interface Recorder {
  addChunk(bytes: Uint8Array, at: number): void;
  /** The messages received so far, listed from the bytes. O(bytes): only when asked. */
  snapshot(): RawEvents;
}

export const EMPTY_RAW: RawEvents = { text: '', ends: new Uint32Array(0), times: new Float64Array(0) };

export function createRecorder(): Recorder {
  const chunks: Uint8Array[] = [];
  const chunkTimes: number[] = [];
  return {
    addChunk(bytes, at) {
      chunks.push(bytes);
      chunkTimes.push(at);
    },
    snapshot() {
      const events = new EventList();
      const parser = new SseLines((event, data) => events.add(event, data));
      const decoder = new TextDecoder();
      chunks.forEach((chunk, i) => parser.feed(decoder.decode(chunk, { stream: true }), chunkTimes[i] ?? 0));
      parser.feed(decoder.decode(), chunkTimes.at(-1) ?? 0);
      return events.done(parser.times);
    },
  };
}

/** Messages packed into one string and their end offsets. */
class EventList {
  private text = '';
  private readonly ends: number[] = [];
  add(event: string, data: string): void {
    this.text += event;
    this.ends.push(this.text.length);
    this.text += data;
    this.ends.push(this.text.length);
  }
  done(times: readonly number[]): RawEvents {
    return { text: this.text, ends: Uint32Array.from(this.ends), times: Float64Array.from(times) };
  }
}

/**
 * The event stream format's lines and fields: lines end at CR, LF or CRLF
 * (also across chunks), `data` lines are joined with LF, a blank line ends a
 * message, comments and other fields are skipped. A message with neither an
 * event name nor data is dropped, as the stream drops it.
 */
class SseLines {
  readonly times: number[] = [];
  private line = '';
  private afterCr = false;
  private event = '';
  private data: string[] = [];
  private at = 0;
  constructor(private readonly onMessage: (event: string, data: string) => void) {}

  feed(text: string, at: number): void {
    this.at = at;
    let start = 0;
    // The LF of a CRLF whose CR ended the previous piece.
    if (this.afterCr && text.charCodeAt(0) === 10) start = 1;
    if (text !== '') this.afterCr = false;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.endLine(this.line + text.slice(start, i));
      this.line = '';
      if (c === 13) {
        if (i + 1 === text.length) this.afterCr = true;
        else if (text.charCodeAt(i + 1) === 10) i += 1;
      }
      start = i + 1;
    }
    this.line += text.slice(start);
  }

  private endLine(line: string): void {
    if (line === '') {
      const data = this.data.join('\n');
      if (this.event !== '' || data !== '') {
        this.onMessage(this.event, data);
        this.times.push(this.at);
      }
      this.event = '';
      this.data = [];
      return;
    }
    if (line.charCodeAt(0) === 58) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(line.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
  }
}

/** Visits each raw message in order: its event name, its data and when it arrived. */
export function forEachRaw({ text, ends, times }: RawEvents, visit: (event: string, data: string, at: number) => void): void {
  let start = 0;
  for (let i = 0; i < times.length; i++) {
    const eventEnd = ends[2 * i] ?? start;
    const dataEnd = ends[2 * i + 1] ?? eventEnd;
    visit(text.slice(start, eventEnd), text.slice(eventEnd, dataEnd), times[i] ?? 0);
    start = dataEnd;
  }
}
