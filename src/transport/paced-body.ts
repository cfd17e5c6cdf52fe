// fetch-event-source parses every chunk it reads synchronously, and reads
// buffered chunks back to back in microtasks: a burst (a fast stream, or bytes
// that piled up while the page was busy) becomes one long task, and nothing
// is painted until the last event of it. The body is therefore handed over in
// slices, and once parsing has held the main thread for a frame's share of
// time the next slice waits for a new task, so the browser can paint and
// handle input in between. A calm stream never waits: only parsing time
// counts, not time spent waiting for the network.

export interface Pacing {
  /** Largest piece handed to the parser at once. */
  readonly sliceBytes: number;
  /** Parsing time after which the next slice waits for a new task (ms). */
  readonly budgetMs: number;
  readonly now: () => number;
  /** Resolves in a later task. */
  readonly yieldTask: () => Promise<void>;
}

/** Longest wait for a frame before parsing goes on anyway (ms). */
const FRAME_FALLBACK_MS = 100;

/** A wait for the network longer than this means a new task has begun. */
const NETWORK_WAIT_MS = 1;

export const DEFAULT_PACING: Pacing = {
  sliceBytes: 16 * 1024,
  budgetMs: 5,
  now: () => performance.now(),
  yieldTask,
};

export interface PacedStream {
  /**
   * The request's signal: once it aborts, nothing more is handed over, not
   * even the rest of a chunk already read (the network body only fails on
   * its next read, and the parser's callbacks do not check the signal).
   */
  readonly signal?: AbortSignal;
  /** Called just before parsing pauses for a frame, while not aborted. */
  readonly onPause?: () => void;
}

export function pacedBody(body: ReadableStream<Uint8Array>, pacing: Pacing = DEFAULT_PACING, { signal, onPause }: PacedStream = {}): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let chunk: Uint8Array | null = null;
  let offset = 0;
  /** Consumer time since the last new task: from each hand-over to the next request. */
  let work = 0;
  let handedAt: number | null = null;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (handedAt !== null) work += pacing.now() - handedAt;
        if (work >= pacing.budgetMs) {
          if (signal?.aborted !== true) onPause?.();
          await pacing.yieldTask();
          work = 0;
        }
        if (signal?.aborted === true) {
          await reader.cancel(signal.reason).catch(() => undefined);
          controller.error(signal.reason);
          return;
        }
        if (chunk === null || offset >= chunk.length) {
          const asked = pacing.now();
          const next = await reader.read();
          if (next.done) {
            controller.close();
            return;
          }
          if (pacing.now() - asked > NETWORK_WAIT_MS) work = 0;
          chunk = next.value;
          offset = 0;
        }
        const end = Math.min(chunk.length, offset + pacing.sliceBytes);
        controller.enqueue(offset === 0 && end === chunk.length ? chunk : chunk.subarray(offset, end));
        offset = end;
        handedAt = pacing.now();
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** A response whose body is paced; anything without a body to stream is returned as is. */
export function pacedResponse(response: Response, pacing: Pacing = DEFAULT_PACING, stream: PacedStream = {}): Response {
  if (!response.ok || response.body === null) return response;
  return new Response(pacedBody(response.body, pacing, stream), { status: response.status, statusText: response.statusText, headers: response.headers });
}

/**
 * Resolves after the next frame has been rendered when the page is visible
 * (parsing waits for the frame the events it produced are shown in), else
 * after a MessageChannel round trip: unlike requestAnimationFrame and
 * setTimeout, that is not paused or throttled in a background tab, where
 * streams keep going.
 */
export function yieldTask(): Promise<void> {
  const visible = typeof document !== 'undefined' && document.visibilityState === 'visible' && typeof requestAnimationFrame === 'function';
  if (!visible) return nextTask();
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      void nextTask().then(resolve);
    };
    // rAF callbacks run before the frame's style, layout and paint; the task after them runs once it is painted.
    requestAnimationFrame(go);
    // The tab may be hidden before the frame comes, and a hidden tab has no frames.
    const fallback = setTimeout(go, FRAME_FALLBACK_MS);
  });
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
