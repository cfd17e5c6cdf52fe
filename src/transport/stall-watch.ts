// Gives up on a response body that sends no byte at all (pings included) for
// too long. Wraps fetch so the watch sees bytes as they arrive, below the SSE
// parser; fetch-event-source stays unaware of it.

export interface StallWatch {
  readonly fetch: typeof fetch;
  /** True once the watch aborted the request. */
  stalled(): boolean;
  dispose(): void;
}

export function watchForStalls(inner: typeof fetch, timeoutMs: number, abort: () => void): StallWatch {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let didStall = false;
  const arm = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      didStall = true;
      abort();
    }, timeoutMs);
  };
  const dispose = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const watched: typeof fetch = async (input, init) => {
    arm();
    const response = await inner(input, init);
    arm();
    if (response.body === null) return response;
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          arm();
          controller.enqueue(chunk);
        },
        flush() {
          dispose();
        },
      }),
    );
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return { fetch: watched, stalled: () => didStall, dispose };
}
