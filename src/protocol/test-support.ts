// Test helpers: replay SSE text through decode + reduce without a transport.
import { decodeEvent } from './decode';
import { createStreamedMessage, type StreamedMessage } from './message';
import { applyDecodeError, applyEvent, endStream, type StreamEnd } from './reduce';

export function splitSse(text: string): Array<{ event: string; data: string }> {
  return text
    .split(/\r?\n\r?\n/)
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => {
      let event = '';
      const data: string[] = [];
      for (const line of chunk.split(/\r?\n/)) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      return { event, data: data.join('\n') };
    });
}

export function replay(text: string, end: StreamEnd = { kind: 'eof' }): StreamedMessage {
  let message = createStreamedMessage(0);
  let clock = 0;
  for (const { event, data } of splitSse(text)) {
    clock += 10;
    const decoded = decodeEvent(event, data);
    message = decoded.ok ? applyEvent(message, decoded.event, clock) : applyDecodeError(message, decoded.error);
  }
  return endStream(message, end, clock + 10);
}

export function sse(...events: ReadonlyArray<Record<string, unknown>>): string {
  return events.map((e) => `event: ${String(e.type)}\ndata: ${JSON.stringify(e)}\n\n`).join('');
}
