// A record's events one by one, with their arrival times: what the inspector
// lists and the timing statistics are computed from.
import { segmentSse } from './segment';
import type { StreamRecord } from './types';

export interface RecordEntry {
  /** Milliseconds since the request was sent. */
  readonly at: number;
  readonly event: string;
  readonly data: string;
}

/** Visits each event with its time; an event with no time (a record cut short) takes the last byte's. */
export function forEachEvent(record: StreamRecord, visit: (event: string, data: string, at: number) => void): void {
  const fallback = record.marks.lastByte ?? record.times[record.times.length - 1] ?? 0;
  segmentSse(record.body).messages.forEach((message, i) => visit(message.event, message.data, record.times[i] ?? fallback));
}

export function recordEntries(record: StreamRecord): RecordEntry[] {
  const entries: RecordEntry[] = [];
  forEachEvent(record, (event, data, at) => entries.push({ at, event: event || 'message', data }));
  return entries;
}
