// Store actions: send a message, stream the answer into the store, stop it.
// The transport delivers SSE messages; the pure reducer builds the answer;
// the frame batcher writes it to the store at most once per frame.
import { applyDecodeError, applyEvent, createStreamedMessage, decodeEvent, endStream, type StreamedMessage } from '../protocol';
import { createFrameBatcher, useChatStore, type AssistantMessage, type ChatMessage } from '../store';
import { streamMessage } from '../transport';
import { buildRequest } from './request';

export const MESSAGES_URL = '/api/v1/messages';

let activeController: AbortController | null = null;
let nextId = 0;

function newId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${Date.now().toString(36)}-${nextId}`;
}

/** Sends the user's text and streams the answer. Resolves when the stream ends. */
export async function sendMessage(text: string, options: { fetch?: typeof fetch } = {}): Promise<void> {
  const state = useChatStore.getState();
  if (state.streaming !== null || text.trim() === '') return;

  const user: ChatMessage = { id: newId('user'), role: 'user', text };
  const history = [...state.messageIds.map((id) => state.messages[id]).filter(isDefined), user];
  const body = buildRequest(history, state.settings);
  const assistantId = newId('assistant');
  let current: AssistantMessage = {
    id: assistantId,
    role: 'assistant',
    stream: createStreamedMessage(performance.now()),
    requestId: null,
    requestedModel: body.model,
  };

  useChatStore.setState({
    messageIds: [...state.messageIds, user.id, assistantId],
    messages: { ...state.messages, [user.id]: user },
    streaming: current,
  });

  const batcher = createFrameBatcher(() => useChatStore.setState({ streaming: current }));
  const update = (stream: StreamedMessage) => {
    if (stream === current.stream) return;
    current = { ...current, stream };
    batcher.schedule();
  };

  const controller = new AbortController();
  activeController = controller;
  const end = await streamMessage(
    { url: MESSAGES_URL, body, signal: controller.signal, fetch: options.fetch },
    {
      onOpen: (meta) => {
        current = { ...current, requestId: meta.requestId };
        batcher.schedule();
      },
      onMessage: (event, data) => {
        const decoded = decodeEvent(event, data);
        const now = performance.now();
        update(decoded.ok ? applyEvent(current.stream, decoded.event, now) : applyDecodeError(current.stream, decoded.error));
      },
    },
  );
  if (activeController === controller) activeController = null;
  update(endStream(current.stream, end, performance.now()));
  batcher.flushNow();
  const finished = current;
  useChatStore.setState((s) => ({ streaming: null, messages: { ...s.messages, [finished.id]: finished } }));
}

/** Stops the answer being streamed; what arrived is kept and marked stopped. */
export function stopStreaming(): void {
  activeController?.abort();
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
