// Splits an event stream's text into its messages, by the rules the stream
// was parsed with (fetch-event-source's, which follow the SSE standard):
// lines end at CRLF, LF or CR; a blank line ends a message; a message with
// no event name and no data is dispatched to no one. Used to line times up
// with messages and to cut a record back into the pieces it arrived in.

export interface SseMessage {
  /** Offset just past the blank line that ended the message. */
  readonly end: number;
  readonly event: string;
  readonly data: string;
}

export interface Segmented {
  /** Every dispatched message that carries an event name or data, in order. */
  readonly messages: readonly SseMessage[];
  /** True when the text stops inside a message (fields with no blank line after them, or half a line). */
  readonly brokenOff: boolean;
}

export function segmentSse(text: string): Segmented {
  const messages: SseMessage[] = [];
  let event = '';
  let data = '';
  let fields = false;
  let lineStart = 0;
  for (;;) {
    const lineEnd = nextLineEnd(text, lineStart);
    if (lineEnd === -1) break;
    const line = text.slice(lineStart, lineEnd);
    const next = lineEnd + (text.startsWith('\r\n', lineEnd) ? 2 : 1);
    lineStart = next;
    if (line === '') {
      if (event !== '' || data !== '') messages.push({ end: next, event, data });
      event = '';
      data = '';
      fields = false;
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const raw = colon < 0 ? '' : line.slice(colon + 1);
    const value = raw.startsWith(' ') ? raw.slice(1) : raw;
    // fetch-event-source joins data lines with '\n' only once it holds some data.
    if (field === 'data') data = data === '' ? value : `${data}\n${value}`;
    else if (field === 'event') event = value;
    fields = true;
  }
  return { messages, brokenOff: fields || lineStart < text.length };
}

/** Offset of the next line terminator (CR or LF) at or after `from`; -1 when the rest is an unfinished line. */
function nextLineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}
