// What the stream record costs: time on the hot path (the app's stream path
// with and without recording, alternating in one run) and memory (the record
// of a 20,000-token simulator answer against its bytes).
import { serialize } from 'node:v8';
import { createArrivalQueue, createStreamedMessage } from '../src/protocol';
import { createStreamClient, FRAME_CONTENT_CHARS } from '../src/transport';
import { fakeFetch } from '../src/transport/node-shims';
import { createSimulator } from '../server/simulator';
import { withSimulatorServer } from '../server/simulator/loopback';
import { chunked } from './streams';

/**
 * One run of the app's path over `bytes`, timed to its last event; with
 * recording, also the time to read the whole record once it has ended (what
 * persistence does, once per answer, where the stream ran).
 */
async function run(bytes: Uint8Array, record: boolean): Promise<{ path: number; read: number }> {
  const client = createStreamClient({ fetch: fakeFetch(() => ({ chunks: chunked(bytes) })), record });
  let message = createStreamedMessage(0);
  const queue = createArrivalQueue();
  const t0 = performance.now();
  const { done, log } = client.open(
    { url: 'http://bench.invalid/', body: {}, signal: new AbortController().signal },
    {
      onOpen: () => undefined,
      onBatch: (arrivals) => {
        queue.push(arrivals);
        message = queue.applyTo(message, FRAME_CONTENT_CHARS);
      },
    },
  );
  await done;
  queue.applyTo(message, Number.POSITIVE_INFINITY);
  const path = performance.now() - t0;
  if (record) await log.readFinal();
  return { path, read: performance.now() - t0 - path };
}

const ROUNDS = 11;

/** Median time with recording over median time without, alternating so both see the same load. */
export async function recordingOverhead(name: string, bytes: Uint8Array, limit: number): Promise<boolean> {
  await run(bytes, true);
  await run(bytes, false);
  const on: number[] = [];
  const off: number[] = [];
  const reads: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const recorded = await run(bytes, true);
    on.push(recorded.path);
    reads.push(recorded.read);
    off.push((await run(bytes, false)).path);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const overhead = median(on) / median(off) - 1;
  console.log(
    `${name} recording: the path ${median(on).toFixed(1)} ms with, ${median(off).toFixed(1)} ms without (medians of ${ROUNDS}), overhead ${(overhead * 100).toFixed(1)}% (limit ${limit * 100}%); ` +
      `reading the whole record once after the end ${median(reads).toFixed(1)} ms (${(bytes.length / 1e6).toFixed(1)} MB decoded once)`,
  );
  return overhead <= limit;
}

/** The bytes of a simulator answer of about `tokens` tokens, unpaced, from a simulator on 127.0.0.1 (stopped after). */
export async function simulatorAnswer(tokens: number): Promise<Uint8Array> {
  return withSimulatorServer(createSimulator({ firstTokenDelayMs: 0, tokensPerSecond: 0 }), async (url) => {
    const request = { model: 'claude-sonnet-5-5', max_tokens: tokens + 1000, stream: true, messages: [{ role: 'user', content: `/sim long ${tokens} fast` }] };
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' }, body: JSON.stringify(request), signal: AbortSignal.timeout(60_000) });
    return new Uint8Array(await response.arrayBuffer());
  });
}

/** Whether V8 can hold the string one byte per character (all Latin-1); else it takes two. */
const oneByte = (text: string) => !/[^\u0000-\u00ff]/.test(text);

export async function recordSize(bytes: Uint8Array, limit: number): Promise<boolean> {
  const client = createStreamClient({ fetch: fakeFetch(() => ({ chunks: chunked(bytes) })) });
  const { done, log } = client.open({ url: 'http://bench.invalid/api/v1/messages', body: { model: 'm', messages: [{ role: 'user', content: 'x' }] } , signal: new AbortController().signal }, { onOpen: () => undefined, onBatch: () => undefined });
  await done;
  const record = await log.readFinal();
  if (record === null) return false;
  const memory = record.body.length * (oneByte(record.body) ? 1 : 2) + record.times.byteLength;
  const stored = serialize({ conversationId: 'conv_0123456789', messageId: 'assistant_0123456789', record }).length;
  const events = record.times.length;
  console.log(
    `record of a ${bytes.length.toLocaleString('en-US')}-byte answer (${events.toLocaleString('en-US')} events): in memory ${memory.toLocaleString('en-US')} B = ${(memory / bytes.length).toFixed(3)}x (text ${oneByte(record.body) ? 'one' : 'two'} byte(s) per character + 8 B per event), stored (structured clone, as IndexedDB writes it) ${stored.toLocaleString('en-US')} B = ${(stored / bytes.length).toFixed(3)}x (limit ${limit}x)`,
  );
  return memory / bytes.length <= limit && stored / bytes.length <= limit;
}
