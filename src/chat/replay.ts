// An imported .sse file played back as an answer: the question it answered
// (the request's last user message, when the file has the request), then the
// recorded stream through the path a live stream takes, so the message, its
// usage panel and its record come out as the original's.
import { isRecord } from '../protocol';
import type { DecodedSseFile } from '../record';
import { appendMessage, newId, place, renameConversation, useChatStore } from '../store';
import { replayAnswer, type TurnOptions } from './turn';

export type ReplayTiming = 'recorded' | 'full';

export async function replayRecording(fileName: string, file: DecodedSseFile, timing: ReplayTiming, options: TurnOptions = {}): Promise<void> {
  const { record } = file;
  const body = record.request?.body;
  const question = lastUserText(body) ?? `Replay of ${fileName}`;
  useChatStore.setState((s) => appendMessage(s, place(s, { id: newId('user'), role: 'user', text: question }, Date.now())));
  useChatStore.setState((s) => renameConversation(s, s.activeId, `Replay: ${fileName}`));
  const response = record.response ?? { status: 200, headers: { 'content-type': 'text/event-stream' } };
  await replayAnswer(
    { status: response.status, headers: response.headers, pieces: file.pieces, timing: file.timed ? timing : 'full', request: record.request, sentAt: record.sentAt, marks: record.marks },
    isRecord(body) && typeof body['model'] === 'string' ? body['model'] : null,
    options,
  );
}

/** The text of the request's last user message, if it had one. */
function lastUserText(body: unknown): string | null {
  if (!isRecord(body) || !Array.isArray(body['messages'])) return null;
  const last: unknown = body['messages'].findLast((m: unknown) => isRecord(m) && m['role'] === 'user');
  if (!isRecord(last)) return null;
  const content = last['content'];
  if (typeof content === 'string') return content.trim() === '' ? null : content;
  if (!Array.isArray(content)) return null;
  const text = content.flatMap((block: unknown) => (isRecord(block) && block['type'] === 'text' && typeof block['text'] === 'string' ? [block['text']] : [])).join('\n\n');
  return text.trim() === '' ? null : text;
}
