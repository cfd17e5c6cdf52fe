// BENCH ONLY: stands in for src/transport/off-thread.ts in the per-delta naive
// build (see build.ts). The naive client parses on the page, the way the app
// did before it had a stream worker. Must never be imported by src/.
import type { StreamEnd } from '../../src/protocol';
import { streamMessage, type StreamHandlers, type StreamRequest } from '../../src/transport/stream-message';

export function openStream(request: StreamRequest, handlers: StreamHandlers): Promise<StreamEnd> {
  return streamMessage(request, handlers);
}

export function warmUpStreams(): void {}
