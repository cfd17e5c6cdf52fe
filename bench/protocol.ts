// npm run bench:protocol: the app's stream path (the stream service:
// fetch-event-source, decoding, joining and recording; then the page's
// arrival queue and reducer) against the official SDK's MessageStream on the
// same bytes, in one run. Prints MB/s for both, the ratio, a linearity
// check, the path with and without recording, and a record's size. The service runs here on this thread, the same code the stream
// worker runs.
import Anthropic from '@anthropic-ai/sdk';
import { applyDecodeError, applyEvent, createArrivalQueue, createStreamedMessage, decodeEvent, type StreamedMessage } from '../src/protocol';
import { segmentSse } from '../src/record';
import { createStreamClient, FRAME_CONTENT_CHARS } from '../src/transport';
import { fakeFetch, installBrowserShims } from '../src/transport/node-shims';
import { recordingOverhead, recordSize, simulatorAnswer } from './recording';
import { chunked, textStream, toolStream } from './streams';

installBrowserShims();

interface Run {
  readonly seconds: number;
  readonly bytes: number;
  /** Set when the run hit its time cap before the end of the stream. */
  readonly capped: boolean;
}

/**
 * The app's path, as stream-assistant.ts runs it: each batch the service hands
 * on is queued and applied with a frame's budget (here every batch is a
 * frame); with `readPartial`, the tool input's partial value is read after
 * each, as the tool block does once per frame.
 */
async function ours(bytes: Uint8Array, readPartial: boolean): Promise<Run> {
  let message: StreamedMessage = createStreamedMessage(0);
  const queue = createArrivalQueue();
  let sink = 0;
  const client = createStreamClient({ fetch: fakeFetch(() => ({ chunks: chunked(bytes) })) });
  const t0 = performance.now();
  const { done } = client.open(
    { url: 'http://bench.invalid/', body: {}, signal: new AbortController().signal },
    {
      onOpen: () => undefined,
      onBatch: (arrivals) => {
        queue.push(arrivals);
        message = queue.applyTo(message, FRAME_CONTENT_CHARS);
        if (readPartial) {
          const block = message.blocks[0];
          if (block?.kind === 'tool_input' && block.parser.value !== undefined) sink += 1;
        }
      },
    },
  );
  await done;
  message = queue.applyTo(message, Number.POSITIVE_INFINITY);
  if (sink < 0 || message.blocks.length === 0) console.log(sink);
  return { seconds: (performance.now() - t0) / 1000, bytes: bytes.length, capped: false };
}

/**
 * The protocol core one event at a time, with the tool input's partial value
 * read after every delta (issue 3's measure): the bytes decoded and split into
 * messages, then each decoded and applied. The app's own path joins the
 * deltas of a batch and reads the value once per batch (see `ours`).
 */
async function perDelta(bytes: Uint8Array): Promise<Run> {
  const t0 = performance.now();
  let message: StreamedMessage = createStreamedMessage(0);
  let sink = 0;
  for (const { event, data } of segmentSse(new TextDecoder().decode(bytes)).messages) {
    const decoded = decodeEvent(event, data);
    message = decoded.ok ? applyEvent(message, decoded.event, 0) : applyDecodeError(message, decoded.error);
    const block = message.blocks[0];
    if (block?.kind === 'tool_input' && block.parser.value !== undefined) sink += 1;
  }
  if (sink < 0) console.log(sink);
  return { seconds: (performance.now() - t0) / 1000, bytes: bytes.length, capped: false };
}

async function sdk(bytes: Uint8Array, withInputJson: boolean, capSeconds: number): Promise<Run> {
  let received = 0;
  const chunks = chunked(bytes);
  const counting = fakeFetch(() => ({ chunks }));
  const client = new Anthropic({ apiKey: 'bench', baseURL: 'http://bench.invalid', maxRetries: 0, fetch: counting });
  const stream = client.messages.stream({ model: 'claude-bench', max_tokens: 1024, messages: [{ role: 'user', content: 'x' }] });
  let capped = false;
  const t0 = performance.now();
  stream.on('streamEvent', () => {
    received += 1;
    if ((performance.now() - t0) / 1000 > capSeconds && !capped) {
      capped = true;
      stream.abort();
    }
  });
  if (withInputJson) {
    // The listener a progressive UI attaches: the SDK then re-parses the whole buffer on every delta.
    stream.on('inputJson', (_delta, snapshot) => {
      if (snapshot === undefined) received -= 0;
    });
  }
  stream.on('error', () => undefined);
  stream.on('abort', () => undefined);
  await stream.done().catch(() => undefined);
  const seconds = (performance.now() - t0) / 1000;
  if (!capped) return { seconds, bytes: bytes.length, capped };
  // Share of the stream processed before the cap, by event count.
  const totalEvents = new TextDecoder().decode(bytes).split('\n\n').length - 1;
  return { seconds, bytes: Math.round((bytes.length * received) / totalEvents), capped };
}

const mbps = (r: Run) => r.bytes / 1e6 / r.seconds;

/** Rounds alternate app and SDK runs so both see the same machine load; each side keeps its fastest run. */
const ROUNDS = 5;

async function compare(name: string, bytes: Uint8Array, tool: boolean, target: number, path: (bytes: Uint8Array, tool: boolean) => Promise<Run> = ours): Promise<boolean> {
  await path(bytes, tool); // warm-up
  let a: Run | null = null;
  let b: Run | null = null;
  // The SDK with an inputJson listener is quadratic: one capped run is enough to show it.
  const rounds = tool ? 1 : ROUNDS;
  for (let i = 0; i < rounds; i++) {
    const mine = await path(bytes, tool);
    const theirs = await sdk(bytes, tool, 30);
    if (a === null || mine.seconds < a.seconds) a = mine;
    if (b === null || mbps(theirs) > mbps(b)) b = theirs;
  }
  if (a === null || b === null) return false;
  const ratio = mbps(a) / mbps(b);
  const capNote = b.capped ? ` (SDK stopped at its 30 s cap after ${(b.bytes / 1e6).toFixed(2)} MB; its throughput only falls as the buffer grows, so the ratio is a lower bound)` : '';
  console.log(`${name}: app ${mbps(a).toFixed(1)} MB/s, SDK ${mbps(b).toFixed(2)} MB/s, ratio ${ratio.toFixed(1)}x (target ≥ ${target}x)${capNote}`);
  return ratio >= target;
}

async function linearity(name: string, make: (scale: number) => Uint8Array, tool: boolean): Promise<boolean> {
  const small = make(1);
  const large = make(2);
  await ours(small, tool);
  await ours(large, tool);
  // Alternating, like the comparisons: a change of machine load hits both sizes alike.
  let t1 = Number.POSITIVE_INFINITY;
  let t2 = Number.POSITIVE_INFINITY;
  for (let i = 0; i < LINEARITY_ROUNDS; i++) {
    t1 = Math.min(t1, (await ours(small, tool)).seconds);
    t2 = Math.min(t2, (await ours(large, tool)).seconds);
  }
  const growth = t2 / t1;
  console.log(`${name} linearity: input x2 -> time x${growth.toFixed(2)} (limit 2.2)`);
  return growth <= 2.2;
}

const LINEARITY_ROUNDS = 7;

const TEXT = textStream(2_000_000);
const TOOL = toolStream(500_000, 5);
const THINKING = textStream(2_000_000, 'thinking');

console.log(`streams: text ${(TEXT.length / 1e6).toFixed(2)} MB on the wire, tool ${(TOOL.length / 1e6).toFixed(2)} MB, thinking ${(THINKING.length / 1e6).toFixed(2)} MB`);
const results = [
  await compare('(a) text, 2 MB in small deltas', TEXT, false, 2),
  await compare('(b) tool_use, 500 KB JSON in 5-char deltas, partial value after every batch (the app\'s path; the SDK: after every delta)', TOOL, true, 50),
  await compare('(b) the same, one event at a time, partial value after every delta (both sides)', TOOL, true, 50, (bytes) => perDelta(bytes)),
  await compare('(c) thinking, 2 MB', THINKING, false, 1),
  await linearity('(a) text', (s) => textStream(1_000_000 * s), false),
  await linearity('(b) tool_use', (s) => toolStream(250_000 * s, 5), true),
  await recordingOverhead('(a) text', TEXT, 0.05),
  await recordingOverhead('(b) tool_use', TOOL, 0.05),
  await recordSize(await simulatorAnswer(20_000), 1.2),
];
const failed = results.filter((ok) => !ok).length;
console.log(failed === 0 ? 'all targets met' : `${failed} target(s) missed`);
process.exitCode = failed === 0 ? 0 : 1;
