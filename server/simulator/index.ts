// Public entry point of the simulator: an offline fake of the Anthropic
// Messages API that the proxy mounts when no API key is configured.
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { PromptCache } from './cache';
import { errorBody } from './errors';
import { route } from './handler';
import { hashString, makeId, Rng } from './rng';

export interface SimulatorOptions {
  /** Time to first token, default 500 (the caller reads SIM_FIRST_TOKEN_MS). */
  firstTokenDelayMs?: number;
  /** Output pace, default 75 (the caller reads SIM_TOKENS_PER_SECOND). */
  tokensPerSecond?: number;
  /** Default 1; the same request and seed give the same bytes. */
  seed?: number;
  /** Injectable clock for tests; must resolve early (or reject) when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface SimRequest {
  method: string;
  /** e.g. "/v1/messages", without the /api prefix; may carry a ?query. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface SimRequestRecord {
  requestId: string;
  path: string;
  startedAt: number;
  /** The response was completed normally (res.end was called). */
  finished: boolean;
  /** The client closed the connection before the response was complete. */
  clientWentAway: boolean;
}

export interface Simulator {
  /** Writes a complete HTTP response to res. Resolves when done or when the client went away. Never throws. */
  handle(request: SimRequest, res: ServerResponse): Promise<void>;
  /** Per-request record, newest last, bounded (the last 1000). */
  readonly records: readonly SimRequestRecord[];
}

const MAX_RECORDS = 1000;

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const seed = options.seed ?? 1;
  const tokensPerSecond = positive(options.tokensPerSecond, 75) || 75;
  const pacing = {
    firstTokenDelayMs: positive(options.firstTokenDelayMs, 500),
    tokensPerSecond,
    sleep: options.sleep ?? defaultSleep,
    realClock: options.sleep === undefined,
  };
  const cache = new PromptCache();
  const records: SimRequestRecord[] = [];
  let serial = 0;

  async function handle(request: SimRequest, res: ServerResponse): Promise<void> {
    serial++;
    const requestId = makeId('req', new Rng(hashString(`request:${serial}`, seed)));
    const record: SimRequestRecord = { requestId, path: request.path, startedAt: Date.now(), finished: false, clientWentAway: false };
    records.push(record);
    if (records.length > MAX_RECORDS) records.splice(0, records.length - MAX_RECORDS);

    const controller = new AbortController();
    let deliberateDrop = false;
    const onClose = (): void => {
      if (!res.writableFinished && !deliberateDrop) record.clientWentAway = true;
      controller.abort();
    };
    res.once('close', onClose);
    try {
      const completed = await route(request, res, {
        requestId,
        seed,
        serial,
        cache,
        pacing,
        signal: controller.signal,
        onDeliberateDrop: () => {
          deliberateDrop = true;
        },
      });
      record.finished = completed && res.writableEnded;
    } catch (error) {
      // Never throw to the caller: answer 500 if we still can, else cut the connection.
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json', 'request-id': requestId });
        res.end(errorBody({ status: 500, type: 'api_error', message: `Internal server error (simulator: ${String(error)})` }, requestId));
        record.finished = true;
      } else {
        res.destroy();
      }
    }
  }

  return {
    handle,
    get records(): readonly SimRequestRecord[] {
      return records;
    },
  };
}
