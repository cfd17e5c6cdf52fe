// The raw stream of an answer, event by event, with arrival times: what the
// inspector shows and what timing statistics are computed from. Read from the
// stream's record (kept where the stream ran) only when something asks.
import { useEffect, useState } from 'react';
import { forEachRaw, type RawEvents, type StreamLog } from '../transport';

export interface LogEntry {
  /** Milliseconds since the request was sent. */
  readonly at: number;
  readonly event: string;
  readonly data: string;
}

export function toEntries(raw: RawEvents, requestStartedAt: number): LogEntry[] {
  const entries: LogEntry[] = [];
  forEachRaw(raw, (event, data, at) => entries.push({ at: at - requestStartedAt, event: event || 'message', data }));
  return entries;
}

/**
 * The log's entries, read when `log` is given and again whenever `version`
 * changes (the stream moved on); null until the first read has answered.
 */
export function useLogEntries(log: StreamLog | undefined, version: string): readonly LogEntry[] | null {
  const [entries, setEntries] = useState<readonly LogEntry[] | null>(null);
  useEffect(() => {
    if (log === undefined) return;
    let current = true;
    void log.read().then((raw) => {
      if (current) setEntries(toEntries(raw, log.requestStartedAt));
    });
    return () => {
      current = false;
    };
  }, [log, version]);
  return log === undefined ? null : entries;
}
