// The raw stream of each answer, event by event, with arrival times: what the
// inspector shows and what timing statistics are computed from. Appending is
// O(1) per event and outside the store, so the hot path copies nothing.
export interface LogEntry {
  /** Milliseconds since the request was sent. */
  readonly at: number;
  readonly event: string;
  readonly data: string;
}

export interface EventLog {
  readonly requestStartedAt: number;
  readonly entries: LogEntry[];
}

const logs = new Map<string, EventLog>();

export function startEventLog(messageId: string, requestStartedAt: number): EventLog {
  const log: EventLog = { requestStartedAt, entries: [] };
  logs.set(messageId, log);
  return log;
}

export function recordEvent(log: EventLog, event: string, data: string, now: number): void {
  log.entries.push({ at: now - log.requestStartedAt, event: event || 'message', data });
}

export function eventLogOf(messageId: string): EventLog | undefined {
  return logs.get(messageId);
}
