// Keeps each streamed answer while it runs and for a while after, so a
// client that lost its connection (a reload, a network blip, another tab)
// can attach again and carry on from the last event it saw, and so a client
// that goes away does not cancel the answer at once. Every event passed on
// gets an `id:` line (its index); nothing else in the bytes changes.
//
// Bounds: each stream's buffer (over it, the stream is no longer kept: live
// readers go on, a new attach gets 404), all buffers together (over it, the
// oldest finished streams are let go first), and the time a finished stream
// is kept. With no reader attached for the grace period, a running stream
// is cancelled upstream (0: at once, as a plain proxy would).
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { RelayResponse } from './relay-response';
import { createSseFramer, type SseFramer } from './sse-framer';

export const STREAM_ID_HEADER = 'x-stream-id';

export interface StreamHubOptions {
  /** How long a finished stream is kept (ms); default 10 minutes. */
  readonly retentionMs?: number;
  /** The largest buffer one stream may keep (bytes); default 16 MB. */
  readonly maxStreamBytes?: number;
  /** All buffers together (bytes); default 256 MB. */
  readonly maxTotalBytes?: number;
  /** A running stream with no reader for this long is cancelled (ms); default 30 s, 0 for at once. */
  readonly graceMs?: number;
}

export const STREAM_DEFAULTS: Required<StreamHubOptions> = { retentionMs: 600_000, maxStreamBytes: 16 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024, graceMs: 30_000 };

type State = 'running' | 'done' | 'broken' | 'cancelled';

interface Session {
  readonly id: string;
  readonly relay: RelayResponse;
  readonly framer: SseFramer;
  readonly readers: Set<ServerResponse>;
  head: { readonly status: number; readonly headers: Readonly<Record<string, string>> } | null;
  /** A 2xx event stream: kept and resumable. Anything else is passed through once. */
  resumable: boolean;
  /** Null once the stream outgrew its buffer (or was let go to free memory). */
  events: Buffer[] | null;
  bytes: number;
  state: State;
  finishedAt: number;
  timer: NodeJS.Timeout | null;
}

export interface StreamHub {
  /** Starts a kept stream: `run` writes the answer to the relay; `client` is its first reader. */
  start(client: ServerResponse, run: (relay: ServerResponse) => Promise<void>): Promise<void>;
  /** Attaches a reader after `lastEventId` (null: from the start); false when the stream is not kept. */
  attach(id: string, lastEventId: number | null, client: ServerResponse): boolean;
  /** Stops a stream (upstream too); false when there is no such stream. */
  cancel(id: string): boolean;
  /** Test hook: cuts every reader's connection (the stream runs on, as when a network drops). */
  cutReaders(id: string): boolean;
  /** For tests and the benchmark: streams kept and their buffered bytes. */
  stats(): { readonly streams: number; readonly running: number; readonly bytes: number };
}

export function createStreamHub(options: StreamHubOptions = {}): StreamHub {
  const config = { ...STREAM_DEFAULTS, ...definedOnly(options) };
  const sessions = new Map<string, Session>();
  let totalBytes = 0;

  /** Lets go of a stream's buffer; it can no longer be attached to. */
  const unbuffer = (session: Session) => {
    totalBytes -= session.bytes;
    session.bytes = 0;
    session.events = null;
  };

  const forget = (session: Session) => {
    if (session.timer !== null) clearTimeout(session.timer);
    unbuffer(session);
    sessions.delete(session.id);
  };

  const finish = (session: Session, state: State) => {
    if (session.state !== 'running') return;
    session.state = state;
    session.finishedAt = Date.now();
    if (session.timer !== null) clearTimeout(session.timer);
    session.timer = setTimeout(() => forget(session), config.retentionMs);
    session.timer.unref();
    for (const reader of session.readers) {
      // A broken stream is cut, so its readers see it end without message_stop, as the upstream's did.
      if (state === 'broken') reader.destroy();
      else reader.end();
    }
    session.readers.clear();
  };

  const cancel = (session: Session) => {
    if (session.state === 'running') {
      session.state = 'cancelled';
      session.relay.destroy();
      for (const reader of session.readers) reader.end();
      session.readers.clear();
    }
    forget(session);
  };

  /** Makes room: the oldest finished streams go first; a running stream that alone is too big stops being kept. */
  const makeRoom = (current: Session) => {
    if (totalBytes <= config.maxTotalBytes) return;
    const finished = [...sessions.values()].filter((s) => s.state !== 'running').sort((a, b) => a.finishedAt - b.finishedAt);
    for (const session of finished) {
      if (totalBytes <= config.maxTotalBytes) return;
      forget(session);
    }
    if (totalBytes > config.maxTotalBytes) unbuffer(current);
  };

  const leave = (session: Session, reader: ServerResponse) => {
    if (!session.readers.delete(reader) || session.state !== 'running' || session.readers.size > 0) return;
    if (config.graceMs === 0 || !session.resumable || session.events === null) {
      cancel(session);
      return;
    }
    session.timer = setTimeout(() => {
      session.timer = null;
      if (session.readers.size === 0) cancel(session);
    }, config.graceMs);
    session.timer.unref();
  };

  const addReader = (session: Session, reader: ServerResponse) => {
    if (session.timer !== null && session.state === 'running') {
      clearTimeout(session.timer);
      session.timer = null;
    }
    session.readers.add(reader);
    reader.once('close', () => {
      if (!reader.writableFinished) leave(session, reader);
    });
  };

  const writeHead = (session: Session, reader: ServerResponse) => {
    const head = session.head;
    if (head === null || reader.headersSent) return;
    reader.writeHead(head.status, session.resumable ? { ...head.headers, [STREAM_ID_HEADER]: session.id } : head.headers);
    reader.flushHeaders();
    reader.socket?.setNoDelay(true);
  };

  return {
    async start(client, run) {
      const id = randomBytes(16).toString('base64url');
      const session: Session = {
        id,
        framer: createSseFramer(),
        readers: new Set(),
        head: null,
        resumable: false,
        events: [],
        bytes: 0,
        state: 'running',
        finishedAt: 0,
        timer: null,
        relay: new RelayResponse({
          head(status, headers) {
            session.head = { status, headers };
            session.resumable = status >= 200 && status < 300 && (headers['content-type'] ?? '').startsWith('text/event-stream');
            if (session.resumable) sessions.set(id, session);
            for (const reader of session.readers) writeHead(session, reader);
          },
          data(chunk) {
            if (!session.resumable) {
              for (const reader of session.readers) reader.write(chunk);
              return;
            }
            const events = session.framer.push(chunk);
            if (events.length === 0) return;
            for (const event of events) {
              if (session.events === null) break;
              session.events.push(event.bytes);
              session.bytes += event.bytes.length;
              totalBytes += event.bytes.length;
              if (session.bytes > config.maxStreamBytes) unbuffer(session);
              else makeRoom(session);
            }
            // One write per upstream chunk, as a plain proxy would make: per-event writes cost a syscall each.
            const out = events.length === 1 ? (events[0]?.bytes ?? Buffer.alloc(0)) : Buffer.concat(events.map((event) => event.bytes));
            for (const reader of session.readers) reader.write(out);
          },
          end: () => finish(session, 'done'),
          broke: () => finish(session, 'broken'),
        }),
      };
      addReader(session, client);
      await run(session.relay.asServerResponse());
      // A writer that returned without ending (it found no client) ends here.
      if (session.state === 'running' && session.relay.writableFinished) finish(session, 'done');
    },

    attach(id, lastEventId, client) {
      const session = sessions.get(id);
      if (session === undefined || session.events === null || session.state === 'cancelled') return false;
      writeHead(session, client);
      const from = lastEventId === null ? 0 : lastEventId + 1;
      for (const bytes of session.events.slice(from)) client.write(bytes);
      if (session.state === 'running') addReader(session, client);
      else client.end();
      return true;
    },

    cancel(id) {
      const session = sessions.get(id);
      if (session === undefined) return false;
      cancel(session);
      return true;
    },

    cutReaders(id) {
      const session = sessions.get(id);
      if (session === undefined) return false;
      for (const reader of [...session.readers]) reader.destroy();
      return true;
    },

    stats: () => ({ streams: sessions.size, running: [...sessions.values()].filter((s) => s.state === 'running').length, bytes: totalBytes }),
  };
}

function definedOnly(options: StreamHubOptions): StreamHubOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined && Number.isFinite(value) && value >= 0));
}
