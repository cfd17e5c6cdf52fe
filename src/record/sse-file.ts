// The `.sse` file: a record as the exact bytes of the response, with what is
// not in those bytes (the request, the status and headers, the arrival
// times) carried in SSE comment lines, which every SSE parser ignores. So
// the file is itself a valid event stream: the official SDK, `npm run
// conformance` and any other client decode it to the message the app showed.
//
// Format, version 1 (see the README, "Stream records"): annotation lines
// start with `:@` and end with LF; the file opens with
//   :@claude-stream-chat record 1
//   :@sent <ISO time>            :@request <JSON>      :@response <JSON>
//   :@marks <JSON>               :@end <JSON>
// and each message of the stream is preceded by `:@t <ms since sent>`.
// Removing every `:@` line gives back the response body exactly.
import { isRecord, type StreamEnd } from '../protocol';
import { segmentSse } from './segment';
import { EMPTY_MARKS, RECORD_VERSION, type RecordedRequest, type RecordedResponse, type RecordMarks, type StreamRecord } from './types';

export const SSE_FILE_MAGIC = `:@claude-stream-chat record ${RECORD_VERSION}`;
const PREFIX = ':@';

export function encodeSseFile(record: StreamRecord): string {
  const lines = [SSE_FILE_MAGIC, `:@sent ${new Date(record.sentAt).toISOString()}`];
  if (record.request !== null) lines.push(`:@request ${JSON.stringify(record.request)}`);
  if (record.response !== null) lines.push(`:@response ${JSON.stringify(record.response)}`);
  lines.push(`:@marks ${JSON.stringify(record.marks)}`);
  if (record.end !== null) lines.push(`:@end ${JSON.stringify(record.end)}`);
  let out = lines.join('\n') + '\n';
  let start = 0;
  segmentSse(record.body).messages.forEach((message, i) => {
    const at = record.times[i];
    out += (at === undefined ? '' : `:@t ${String(at)}\n`) + record.body.slice(start, message.end);
    start = message.end;
  });
  return out + record.body.slice(start);
}

/** A piece of the body as it is to be replayed, with the time it arrived (null when the file has none). */
export interface ReplayPiece {
  readonly text: string;
  readonly at: number | null;
}

export interface DecodedSseFile {
  readonly record: StreamRecord;
  /** The body cut where the events arrived, each piece with its time. */
  readonly pieces: readonly ReplayPiece[];
  /** True when every message has its arrival time. */
  readonly timed: boolean;
  /** How many events (messages with an event name or data) the stream holds. */
  readonly events: number;
  /** What was wrong with the file, in words; the rest was read anyway. */
  readonly problems: readonly string[];
  /** False when nothing in the file can be replayed. */
  readonly replayable: boolean;
}

export function decodeSseFile(file: string, now: number = Date.now()): DecodedSseFile {
  const problems: string[] = [];
  const pieces: Array<{ text: string; at: number | null }> = [];
  const times: number[] = [];
  const meta: { sent?: number; request?: RecordedRequest; response?: RecordedResponse; marks?: RecordMarks; end?: StreamEnd } = {};
  let body = '';
  let piece: { text: string; at: number | null } = { text: '', at: null };
  for (const line of linesOf(file)) {
    if (!line.text.startsWith(PREFIX)) {
      body += line.text + line.terminator;
      piece.text += line.text + line.terminator;
      continue;
    }
    const space = line.text.indexOf(' ');
    const key = line.text.slice(PREFIX.length, space < 0 ? undefined : space);
    const value = space < 0 ? '' : line.text.slice(space + 1);
    if (key === 't') {
      const at = Number(value);
      if (!Number.isFinite(at)) {
        problems.push(`A timing line could not be read ("${line.text.slice(0, 40)}").`);
        continue;
      }
      if (piece.text !== '' || piece.at !== null) pieces.push(piece);
      piece = { text: '', at };
      times.push(at);
      continue;
    }
    readAnnotation(key, value, meta, problems);
  }
  if (piece.text !== '' || piece.at !== null) pieces.push(piece);

  const { messages, brokenOff } = segmentSse(body);
  const status = meta.response?.status ?? 200;
  const isStream = status >= 200 && status < 300;
  const timed = times.length > 0 && times.length === messages.length;
  if (times.length > 0 && !timed) problems.push(`The file has ${times.length} timing lines for ${messages.length} events; it is replayed at full speed.`);
  if (isStream && messages.length === 0) problems.push('The file holds no server-sent events: it is not an .sse stream.');
  else if (isStream && brokenOff) problems.push('The stream breaks off in the middle of an event.');
  else if (isStream && !messages.some((m) => m.event === 'message_stop') && !messages.some((m) => m.event === 'error')) problems.push('The stream ends before message_stop.');

  const record: StreamRecord = {
    version: RECORD_VERSION,
    sentAt: meta.sent ?? now,
    request: meta.request ?? null,
    response: meta.response ?? { status: 200, headers: { 'content-type': 'text/event-stream' } },
    body,
    times: Float64Array.from(timed ? times : []),
    marks: meta.marks ?? EMPTY_MARKS,
    end: meta.end ?? null,
  };
  return {
    record,
    pieces: timed ? pieces : untimedPieces(body, messages.map((m) => m.end)),
    timed,
    events: messages.length,
    problems,
    replayable: !isStream || messages.length > 0,
  };
}

function untimedPieces(body: string, ends: readonly number[]): ReplayPiece[] {
  const pieces: ReplayPiece[] = [];
  let start = 0;
  for (const end of ends) {
    pieces.push({ text: body.slice(start, end), at: null });
    start = end;
  }
  if (start < body.length) pieces.push({ text: body.slice(start), at: null });
  return pieces;
}

function readAnnotation(key: string, value: string, meta: { sent?: number; request?: RecordedRequest; response?: RecordedResponse; marks?: RecordMarks; end?: StreamEnd }, problems: string[]): void {
  if (key === 'claude-stream-chat') {
    if (value !== `record ${RECORD_VERSION}`) problems.push(`The file says "${value}"; this app reads record ${RECORD_VERSION}, and reads on as best it can.`);
    return;
  }
  if (key === 'sent') {
    const at = Date.parse(value);
    if (Number.isFinite(at)) meta.sent = at;
    else problems.push('The time the request was sent could not be read.');
    return;
  }
  const json = parseJson(value);
  if (key === 'request' && isRecord(json) && typeof json['path'] === 'string') meta.request = json as unknown as RecordedRequest;
  else if (key === 'response' && isRecord(json) && typeof json['status'] === 'number' && isRecord(json['headers'])) meta.response = json as unknown as RecordedResponse;
  else if (key === 'marks' && isRecord(json)) meta.marks = json as unknown as RecordMarks;
  else if (key === 'end' && isRecord(json) && typeof json['kind'] === 'string') meta.end = json as unknown as StreamEnd;
  else problems.push(`The "${key}" line could not be read; it is ignored.`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The file's lines with their own terminators (CRLF, LF or CR), so the body is rebuilt byte for byte. */
function* linesOf(text: string): Generator<{ text: string; terminator: string }> {
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const terminator = text.startsWith('\r\n', end) ? '\r\n' : end < text.length ? text.charAt(end) : '';
    yield { text: text.slice(start, end), terminator };
    start = end + terminator.length;
  }
}
