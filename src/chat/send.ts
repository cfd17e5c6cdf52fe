// Store actions: send a message, stream the answer into the store, stop it.
// The transport delivers SSE messages; the pure reducer builds the answer;
// the frame batcher writes it to the store at most once per frame.
import { applyDecodeError, applyEvents, createStreamedMessage, decodeEvent, endStream, type StreamedMessage, type TimedEvent } from '../protocol';
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

  // Events queue up between frames and are reduced in one batch per frame.
  let pending: TimedEvent[] = [];
  const applyPending = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    setStream(applyEvents(current.stream, batch));
  };
  const setStream = (stream: StreamedMessage) => {
    if (stream !== current.stream) current = { ...current, stream };
  };
  const batcher = createFrameBatcher(() => {
    applyPending();
    useChatStore.setState({ streaming: current });
  });

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
        if (decoded.ok) {
          pending.push({ event: decoded.event, at: performance.now() });
        } else {
          applyPending();
          setStream(applyDecodeError(current.stream, decoded.error));
        }
        batcher.schedule();
      },
    },
  );
  if (activeController === controller) activeController = null;
  applyPending();
  setStream(endStream(current.stream, end, performance.now()));
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
