// A stream's raw messages as received, kept compactly where the stream runs
// (one string and two typed arrays, not an object per message) so that
// recording costs the hot path two array writes and a string append.
import type { RawEvents } from './types';

export interface Recorder {
  add(event: string, data: string, at: number): void;
  snapshot(): RawEvents;
}

export const EMPTY_RAW: RawEvents = { text: '', ends: new Uint32Array(0), times: new Float64Array(0) };

export function createRecorder(): Recorder {
  let text = '';
  let ends = new Uint32Array(512);
  let times = new Float64Array(256);
  let count = 0;
  return {
    add(event, data, at) {
      if (count === times.length) {
        ends = grow(ends, ends.length * 2);
        times = grow(times, times.length * 2);
      }
      text += event;
      ends[2 * count] = text.length;
      text += data;
      ends[2 * count + 1] = text.length;
      times[count] = at;
      count += 1;
    },
    snapshot: () => ({ text, ends: ends.slice(0, 2 * count), times: times.slice(0, count) }),
  };
}

function grow<T extends Uint32Array | Float64Array>(array: T, length: number): T {
  const next = new (array.constructor as new (length: number) => T)(length);
  next.set(array);
  return next;
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
