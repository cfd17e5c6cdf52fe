// Cuts an event stream's bytes into whole events (each up to and including
// the blank line that ends it) and gives each an `id:` line, its index, so a
// client can say where it got to. Bytes are handled as latin1 text, one
// character per byte, so nothing is decoded or changed.

export interface FramedEvent {
  readonly id: number;
  /** `id: <n>\n` followed by the event's own bytes. */
  readonly bytes: Buffer;
}

export interface SseFramer {
  /** The events these bytes complete, framed. */
  push(chunk: Uint8Array): FramedEvent[];
}

export function createSseFramer(): SseFramer {
  /** Bytes of the event not finished yet (events are small: rescanning it is cheap). */
  let pending = '';
  let nextId = 0;
  return {
    push(chunk) {
      pending += Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
      const events: FramedEvent[] = [];
      let start = 0;
      for (let end = eventEnd(pending, start); end !== -1; end = eventEnd(pending, start)) {
        events.push({ id: nextId, bytes: Buffer.from(`id: ${nextId}\n${pending.slice(start, end)}`, 'latin1') });
        nextId += 1;
        start = end;
      }
      pending = pending.slice(start);
      return events;
    },
  };
}

/** Offset just past the blank line that ends the event starting at `from` (a line start), or -1. */
function eventEnd(text: string, from: number): number {
  let lineEmpty = true;
  for (let i = from; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) {
      lineEmpty = false;
      i += 1;
      continue;
    }
    let next = i + 1;
    if (c === 13) {
      // A CR may be the first half of CRLF: wait for the next byte.
      if (next >= text.length) return -1;
      if (text.charCodeAt(next) === 10) next += 1;
    }
    if (lineEmpty) return next;
    lineEmpty = true;
    i = next;
  }
  return -1;
}
