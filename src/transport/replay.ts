// A recorded response played back as if it came from the network: a fetch
// whose response has the recorded status and headers and a body that gives
// the recorded pieces, each at its recorded time (or all at once). The
// stream service runs it through the same parser, decoder and batches as a
// live stream; only where the bytes come from differs.
import { sleep } from './sleep';
import type { ReplaySource } from './types';

/**
 * A fetch that answers with the source, each non-empty piece one read; at
 * recorded timing a piece is due `at` ms after `origin` (on `now`'s clock).
 */
export function replayFetch(source: ReplaySource, now: () => number, origin: number): typeof fetch {
  return async (_input, init) => {
    const signal = init?.signal ?? null;
    const encoder = new TextEncoder();
    const pieces = source.pieces.filter((p) => p.text !== '');
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const piece = pieces[index++];
        if (piece === undefined) {
          controller.close();
          return;
        }
        if (source.timing === 'recorded' && piece.at !== null) await sleep(origin + piece.at - now(), signal);
        if (signal?.aborted) {
          controller.error(new DOMException('The replay was stopped', 'AbortError'));
          return;
        }
        controller.enqueue(encoder.encode(piece.text));
      },
    });
    return new Response(body, { status: source.status, headers: source.headers });
  };
}

/** The recorded time of each read, for stamping a full-speed replay; null where the file had none. */
export function replayStamps(source: ReplaySource): Array<number | null> {
  return source.pieces.filter((p) => p.text !== '').map((p) => p.at);
}
