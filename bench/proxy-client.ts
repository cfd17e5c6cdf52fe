// The benchmark's client: one streaming Messages request over its own
// connection, recording when each SSE event arrived and the text its deltas
// carry, so that streams can be compared for content and timing.
import { request } from 'node:http';

export interface StreamResult {
  readonly status: number;
  /** Concatenated text of every text_delta: what the user would read. */
  readonly text: string;
  readonly events: number;
  /** The stream ended with message_stop. */
  readonly complete: boolean;
  /** Milliseconds from sending the request to each event's arrival. */
  readonly arrivals: readonly number[];
  readonly error: string | null;
}

export interface StreamOptions {
  /** Destroy the connection once this many events have arrived (a user pressing Stop). */
  readonly abortAfterEvents?: number;
  readonly timeoutMs: number;
}

export const BENCH_MODEL = 'claude-sonnet-4-5';

/** The request for stream `index`: distinct content per index, so any cross-talk shows up as a wrong text. */
export function benchBody(index: number, tokens: number, fast: boolean): string {
  const directive = `/sim long ${tokens}${fast ? ' fast' : ''}`;
  return JSON.stringify({
    model: BENCH_MODEL,
    max_tokens: tokens * 2,
    stream: true,
    messages: [{ role: 'user', content: `${directive}\nBenchmark stream number ${index}: write about topic ${index * 7919}.` }],
  });
}

export function stream(port: number, body: string, options: StreamOptions): Promise<StreamResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const arrivals: number[] = [];
    let text = '';
    let complete = false;
    let status = 0;
    let buffer = '';
    let settled = false;
    const finish = (error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ status, text, events: arrivals.length, complete, arrivals, error });
    };
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/messages', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const at = performance.now() - started;
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          // A kept stream gives each event an `id:` line first (server/proxy/stream-hub.ts).
          const event = buffer.slice(0, end).replace(/^id: \d+\n/, '');
          buffer = buffer.slice(end + 2);
          arrivals.push(at);
          if (event.startsWith('event: content_block_delta')) text += deltaText(event);
          else if (event.startsWith('event: message_stop')) complete = true;
          end = buffer.indexOf('\n\n');
        }
        if (options.abortAfterEvents !== undefined && arrivals.length >= options.abortAfterEvents) {
          req.destroy();
          finish(null);
        }
      });
      res.on('end', () => finish(null));
      res.on('error', (error) => finish(error.message));
    });
    req.on('error', (error) => finish(error.message));
    const timer = setTimeout(() => {
      req.destroy();
      finish('timed out');
    }, options.timeoutMs);
    req.end(body);
  });
}

function deltaText(event: string): string {
  const data = event.slice(event.indexOf('\ndata: ') + 7);
  const parsed: unknown = JSON.parse(data);
  if (typeof parsed !== 'object' || parsed === null || !('delta' in parsed)) return '';
  const delta = parsed.delta;
  return typeof delta === 'object' && delta !== null && 'text' in delta && typeof delta.text === 'string' ? delta.text : '';
}
