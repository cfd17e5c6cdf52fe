// bench:proxy's kept-stream checks: streams whose reader disconnects and
// attaches again mid-stream, and the proxy's added latency per event,
// paired (each event through the proxy against the same event direct).
import { BENCH_MODEL, benchBody } from './proxy-client';

export interface ReattachResult {
  readonly text: string;
  readonly complete: boolean;
  /** Events before the disconnect and after the attach; an event seen twice or missed shows in the text. */
  readonly events: number;
  readonly error: string | null;
}

interface Parsed {
  text: string;
  complete: boolean;
  events: number;
  lastId: string;
}

/** Reads SSE events from a response body; stops after `limit` whole events (then aborts), or at the end. */
async function readEvents(response: Response, parsed: Parsed, limit: number, abort: () => void): Promise<void> {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (let read = await reader?.read(); read !== undefined && !read.done; read = await reader?.read()) {
    buffer += decoder.decode(read.value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      parsed.events += 1;
      parsed.lastId = /^id: (\d+)$/m.exec(event)?.[1] ?? parsed.lastId;
      const data = /^data: (.*)$/m.exec(event)?.[1] ?? '';
      if (event.includes('event: content_block_delta')) parsed.text += (JSON.parse(data) as { delta: { text?: string } }).delta.text ?? '';
      if (event.includes('event: message_stop')) parsed.complete = true;
      if (parsed.events >= limit) {
        abort();
        await reader?.cancel().catch(() => undefined);
        return;
      }
    }
  }
}

/** Stream `index` through the proxy, dropped after `dropAfter` events and attached again with Last-Event-ID. */
export async function reattachOnce(port: number, index: number, tokens: number, dropAfter: number): Promise<ReattachResult> {
  const base = `http://127.0.0.1:${port}`;
  const parsed: Parsed = { text: '', complete: false, events: 0, lastId: '' };
  try {
    const controller = new AbortController();
    const first = await fetch(`${base}/api/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: benchBody(index, tokens, true), signal: controller.signal });
    const streamId = first.headers.get('x-stream-id');
    if (streamId === null) return { ...parsed, error: 'no x-stream-id' };
    await readEvents(first, parsed, dropAfter, () => controller.abort()).catch(() => undefined);
    const again = await fetch(`${base}/api/streams/${streamId}`, { headers: { 'last-event-id': parsed.lastId } });
    if (again.status !== 200) return { ...parsed, error: `attach answered ${again.status}` };
    await readEvents(again, parsed, Number.POSITIVE_INFINITY, () => undefined);
    return { text: parsed.text, complete: parsed.complete, events: parsed.events, error: null };
  } catch (cause) {
    return { ...parsed, error: cause instanceof Error ? cause.message : String(cause) };
  }
}

/** When the response headers and each event of a paced stream arrived (ms since the request was sent). */
async function pacedArrivals(port: number, index: number): Promise<{ headersAt: number; arrivals: number[] }> {
  const body = JSON.stringify({ model: BENCH_MODEL, max_tokens: 2000, stream: true, messages: [{ role: 'user', content: `/sim long 300 400tps\nPaced stream ${index}.` }] });
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const headersAt = performance.now() - started;
  const arrivals: number[] = [];
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (let read = await reader?.read(); read !== undefined && !read.done; read = await reader?.read()) {
    const at = performance.now() - started;
    buffer += decoder.decode(read.value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      buffer = buffer.slice(end + 2);
      arrivals.push(at);
    }
  }
  return { headersAt, arrivals };
}

export interface PairedLatency {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly events: number;
  /** The response headers' difference (the request's own way through the proxy, paid once): median over pairs. */
  readonly firstEventP50: number;
}

/**
 * Paced streams sent at the same moment straight to the simulator and
 * through the proxy: each event's arrival through the proxy minus the same
 * event's arrival direct, over every event of every pair, both counted from
 * the stream's response headers: the simulator paces a stream from the
 * moment it answers, so the request's way there through the proxy (a cost
 * paid once, reported apart) does not count against every event.
 */
export async function pairedLatency(direct: number, proxied: number, pairs: number): Promise<PairedLatency> {
  const differences: number[] = [];
  const firsts: number[] = [];
  await Promise.all(
    Array.from({ length: pairs }, async (_, index) => {
      const [straight, through] = await Promise.all([pacedArrivals(direct, index), pacedArrivals(proxied, index)]);
      firsts.push(through.headersAt - straight.headersAt);
      const events = Math.min(straight.arrivals.length, through.arrivals.length);
      for (let i = 0; i < events; i++) differences.push((through.arrivals[i] ?? 0) - through.headersAt - ((straight.arrivals[i] ?? 0) - straight.headersAt));
    }),
  );
  const rank = (xs: number[], p: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  };
  return { p50: rank(differences, 0.5), p99: rank(differences, 0.99), max: Math.max(...differences), events: differences.length, firstEventP50: rank(firsts, 0.5) };
}
