// A stream's record: the response body's bytes as received, chunk by chunk,
// with the time each chunk arrived. Keeping them costs the hot path one array
// push per network read and no garbage: the bytes are the ones fetch already
// allocated. The messages are listed from them only when someone asks, by
// the stream's own parser (fetch-event-source's line and message splitters),
// each with the arrival time of the chunk that completed it: the time the
// stream's events were given.
import { getLines, getMessages } from '@microsoft/fetch-event-source/lib/esm/parse.js';
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
      let at = 0;
      const parse = getLines(
        getMessages(
          () => undefined,
          () => undefined,
          // A blank line dispatches a message with no data: the stream drops it, and so does the record.
          ({ event, data }) => {
            if (event !== '' || data !== '') events.add(event, data, at);
          },
        ),
      );
      chunks.forEach((chunk, i) => {
        at = chunkTimes[i] ?? 0;
        parse(chunk);
      });
      return events.done();
    },
  };
}

/** Messages packed into one string and their end offsets. */
class EventList {
  private text = '';
  private readonly ends: number[] = [];
  private readonly times: number[] = [];
  add(event: string, data: string, at: number): void {
    this.text += event;
    this.ends.push(this.text.length);
    this.text += data;
    this.ends.push(this.text.length);
    this.times.push(at);
  }
  done(): RawEvents {
    return { text: this.text, ends: Uint32Array.from(this.ends), times: Float64Array.from(this.times) };
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
