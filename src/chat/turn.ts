// A turn: the user's message, then requests until Claude ends the turn.
// tool_use stops run the tools (or wait for the user) and continue;
// pause_turn continues with the content so far; a round-trip limit stops a
// runaway loop with a notice in the transcript.
import { toRequestOptions } from '../settings';
import { useChatStore, type ChatMessage, type ToolResultEntry, type ToolResultsMessage } from '../store';
import { enabledTools, toolRunner } from './tools-in-use';
import { toApiMessages, withCacheBreakpoint } from './history';
import { streamAssistant } from './stream-assistant';
import { planToolResults, runTool } from './tool-calls';

let activeController: AbortController | null = null;
let waiting: { readonly messageId: string; readonly resolve: (proceed: boolean) => void } | null = null;
let counter = 0;

function newId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

function append(message: ChatMessage): void {
  useChatStore.setState((s) => ({ messageIds: [...s.messageIds, message.id], messages: { ...s.messages, [message.id]: message } }));
}

function transcript(): ChatMessage[] {
  const s = useChatStore.getState();
  return s.messageIds.flatMap((id) => {
    const message = s.messages[id];
    return message === undefined ? [] : [message];
  });
}

export interface TurnOptions {
  readonly fetch?: typeof fetch;
}

/** Sends the user's text and runs the turn to its end. */
export async function sendMessage(text: string, options: TurnOptions = {}): Promise<void> {
  if (useChatStore.getState().turnActive || text.trim() === '') return;
  append({ id: newId('user'), role: 'user', text });
  useChatStore.setState({ turnActive: true });
  try {
    await runTurn(options);
  } finally {
    activeController = null;
    waiting = null;
    useChatStore.setState({ turnActive: false });
  }
}

async function runTurn(options: TurnOptions): Promise<void> {
  const settings = useChatStore.getState().settings;
  const tools = enabledTools(settings);
  const builtinNames = new Set(tools.builtin.map((t) => t.name));
  const requestOptions = toRequestOptions(settings, [...tools.builtin, ...tools.custom]);
  for (let roundTrip = 1; ; roundTrip++) {
    const controller = new AbortController();
    activeController = controller;
    const messages = toApiMessages(transcript());
    const answer = await streamAssistant(requestOptions, settings.promptCaching ? withCacheBreakpoint(messages) : messages, { signal: controller.signal, fetch: options.fetch, newId });
    if (answer.stream.status !== 'complete') return;
    const stopReason = answer.stream.header?.stop_reason;
    if (stopReason !== 'tool_use' && stopReason !== 'pause_turn') return;
    if (stopReason === 'tool_use') {
      const results = planToolResults(answer, builtinNames, tools.custom, settings.approval, toolRunner);
      if (results.length === 0) return;
      const message: ToolResultsMessage = { id: newId('tools'), role: 'tool_results', results };
      append(message);
      if (!(await allResolved(message.id))) return;
    }
    if (roundTrip >= settings.maxRoundTrips) {
      append({ id: newId('notice'), role: 'notice', text: `Stopped after ${roundTrip} requests in this turn (the round-trip limit is ${settings.maxRoundTrips}; change it in Settings). Send a message to carry on.` });
      return;
    }
  }
}

/** Resolves true once every entry is done, false when the user stops the turn first. */
function allResolved(messageId: string): Promise<boolean> {
  if (isResolved(messageId)) return Promise.resolve(true);
  return new Promise((resolve) => {
    waiting = { messageId, resolve };
  });
}

function isResolved(messageId: string): boolean {
  const message = useChatStore.getState().messages[messageId];
  return message?.role === 'tool_results' && message.results.every((r) => r.state === 'done');
}

function updateEntry(messageId: string, toolUseId: string, change: (entry: ToolResultEntry) => ToolResultEntry): void {
  useChatStore.setState((s) => {
    const message = s.messages[messageId];
    if (message?.role !== 'tool_results') return {};
    const results = message.results.map((r) => (r.toolUseId === toolUseId && r.state !== 'done' ? change(r) : r));
    return { messages: { ...s.messages, [messageId]: { ...message, results } } };
  });
  if (waiting?.messageId === messageId && isResolved(messageId)) waiting.resolve(true);
}

export function approveToolCall(messageId: string, toolUseId: string): void {
  updateEntry(messageId, toolUseId, (entry) => ({ ...entry, ...runTool(toolRunner, entry.name, entry.input) }));
}

export function denyToolCall(messageId: string, toolUseId: string): void {
  updateEntry(messageId, toolUseId, (entry) => ({ ...entry, state: 'done', isError: true, content: 'The user declined to run this tool.' }));
}

export function submitToolResult(messageId: string, toolUseId: string, content: string, isError: boolean): void {
  updateEntry(messageId, toolUseId, (entry) => ({ ...entry, state: 'done', content, isError }));
}

/** Stops the answer being streamed, or a turn waiting for tool results; what arrived is kept. */
export function stopStreaming(): void {
  activeController?.abort();
  waiting?.resolve(false);
}
