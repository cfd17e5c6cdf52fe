// BENCH ONLY: stands in for src/transport/paced-body.ts in the per-delta naive
// build (see build.ts). The naive client has no time budget: it parses and
// renders every delta of whatever it is given. The body is only cut into
// small pieces with a task boundary between them, so that the bench can
// still talk to the page (read its counters, stop the run at its cap) while
// the renderer works through the stream. Must never be imported by src/.
const PIECE_BYTES = 2048;

/** The same exports as paced-body.ts; the naive client never pauses, so none of it is used. */
export interface Pacing {
  readonly yieldTask: () => Promise<void>;
}
export const DEFAULT_PACING: Pacing = { yieldTask: () => Promise.resolve() };

export function pacedResponse(response: Response, _pacing?: Pacing, _stream?: { readonly signal?: AbortSignal; readonly onPause?: () => void }): Response {
  if (!response.ok || response.body === null) return response;
  const reader = response.body.getReader();
  let chunk: Uint8Array | null = null;
  let offset = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (chunk === null || offset >= chunk.length) {
          const next = await reader.read();
          if (next.done) return controller.close();
          chunk = next.value;
          offset = 0;
        }
        controller.enqueue(chunk.subarray(offset, offset + PIECE_BYTES));
        offset += PIECE_BYTES;
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
