// fetch-event-source's cleanup touches `window` and `document`. Under Node
// (unit tests, the conformance runner) these small stand-ins let the exact
// browser code path run. Never imported by the app.
export interface ShimDocument extends EventTarget {
  hidden: boolean;
}

export function installBrowserShims(): ShimDocument {
  const g = globalThis as Record<string, unknown>;
  const existing = g.document as ShimDocument | undefined;
  if (existing !== undefined && 'hidden' in existing) return existing;
  const doc = Object.assign(new EventTarget(), { hidden: false }) as ShimDocument;
  g.document = doc;
  g.window = globalThis;
  return doc;
}

/** A fetch that answers with the given status, headers and body chunks (bytes or text). */
export function fakeFetch(
  respond: (init: RequestInit | undefined) => { status?: number; headers?: Record<string, string>; chunks: ReadonlyArray<Uint8Array | string>; hang?: boolean },
  calls: Array<RequestInit | undefined> = [],
): typeof fetch {
  return async (_input, init) => {
    calls.push(init);
    const { status = 200, headers = { 'content-type': 'text/event-stream' }, chunks, hang = false } = respond(init);
    const encoder = new TextEncoder();
    const signal = init?.signal;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
        if (!hang) controller.close();
        signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
      },
    });
    return new Response(body, { status, headers });
  };
}
