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
  /** Every event so far, in order (events recorded as deferred are listed on first read). */
  readonly entries: LogEntry[];
}

/** Events listed only when the log is read: calls `visit` with each, in order. */
export type DeferredEvents = (visit: (event: string, data: string) => void) => void;

const logs = new Map<string, EventLog>();
/** Per log, batches recorded but not listed yet. */
const deferredOf = new WeakMap<EventLog, Array<{ readonly events: DeferredEvents; readonly at: number }>>();

export function startEventLog(messageId: string, requestStartedAt: number): EventLog {
  const list: LogEntry[] = [];
  const deferred: Array<{ readonly events: DeferredEvents; readonly at: number }> = [];
  const log: EventLog = {
    requestStartedAt,
    get entries() {
      for (const { events, at } of deferred.splice(0)) events((event, data) => list.push(entry(log, event, data, at)));
      return list;
    },
  };
  logs.set(messageId, log);
  deferredOf.set(log, deferred);
  return log;
}

export function recordEvent(log: EventLog, event: string, data: string, now: number): void {
  log.entries.push(entry(log, event, data, now));
}

/**
 * Records a batch of events without listing them: a stream parsed in a
 * worker hands its raw events over packed, and unpacking them costs only
 * when the inspector or the timing details are opened.
 */
export function recordDeferred(log: EventLog, events: DeferredEvents, now: number): void {
  const deferred = deferredOf.get(log);
  if (deferred !== undefined) deferred.push({ events, at: now });
  else events((event, data) => recordEvent(log, event, data, now));
}

function entry(log: EventLog, event: string, data: string, now: number): LogEntry {
  return { at: now - log.requestStartedAt, event: event || 'message', data };
}

export function eventLogOf(messageId: string): EventLog | undefined {
  return logs.get(messageId);
}
