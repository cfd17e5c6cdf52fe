// A turn: the user's message, then requests until Claude ends the turn.
// tool_use stops run the tools (or wait for the user) and continue;
// pause_turn continues with the content so far; a round-trip limit stops a
// runaway loop with a notice. Requests that fail before streaming with a
// transient status are retried after a countdown the user can cancel; the
// failed attempt is replaced, never the user's message duplicated.
// Retrying or regenerating by hand, and editing a question, start a new
// branch at the fork instead: the earlier versions stay in the tree.
import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';
import type { Attachment } from '../attachments';
import { toRequestOptions, type RequestOptions } from '../settings';
import { appendMessage, newId, place, removeMessages, truncateAfter, useChatStore, type AssistantMessage, type ChatMessage, type MessageDraft, type ToolResultsMessage } from '../store';
import { createStreamClient, defaultStreamClient, DETACH, MAX_RETRIES, retryDecision, type Replay, type ResumePoint, type StreamClient } from '../transport';
import { canContinue, continuationMessages } from './continuation';
import { toApiMessages, withCacheBreakpoint } from './api-messages';
import { streamAssistant } from './stream-assistant';
import { planToolResults } from './tool-calls';
import { waitForToolResults } from './tool-actions';
import { enabledTools, toolRunner } from './tools-in-use';

function append(draft: MessageDraft): void {
  useChatStore.setState((s) => appendMessage(s, place(s, draft, Date.now())));
}

function remove(ids: ReadonlySet<string>): void {
  useChatStore.setState((s) => removeMessages(s, ids));
}

/** Cuts the visible path back to `id` (null: the root); the next message starts a branch there. */
function forkAt(id: string | null): void {
  useChatStore.setState((s) => truncateAfter(s, id));
}

function transcript(): ChatMessage[] {
  const s = useChatStore.getState();
  return s.messageIds.flatMap((id) => s.messages[id] ?? []);
}

export interface TurnOptions {
  /** Where streams are opened (default: the page's stream worker). */
  readonly client?: StreamClient;
  /** Injected for tests: streams then run on the page with this fetch. */
  readonly fetch?: typeof fetch;
  /** Injectable wait for retry countdowns (tests). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Sends the user's text and runs the turn to its end. */
export async function sendMessage(text: string, options: TurnOptions & { readonly attachments?: readonly Attachment[] } = {}): Promise<void> {
  const attachments = options.attachments ?? [];
  if (useChatStore.getState().turnActive || (text.trim() === '' && attachments.length === 0)) return;
  append({ id: newId('user'), role: 'user', text, ...(attachments.length > 0 ? { attachments } : {}) });
  await withTurn((scope) => runTurn(scope, options), options);
}

/** Sends the request that produced this answer again; the new answer is a sibling of the old one. */
export async function retryAnswer(messageId: string, options: TurnOptions = {}): Promise<void> {
  const s = useChatStore.getState();
  const message = s.messages[messageId];
  if (s.turnActive || message === undefined || !s.messageIds.includes(messageId)) return;
  forkAt(message.parentId);
  await withTurn((scope) => runTurn(scope, options), options);
}

/** Runs the whole turn that ended in this answer again, from its user message, as a new branch. */
export async function regenerateAnswer(messageId: string, options: TurnOptions = {}): Promise<void> {
  const s = useChatStore.getState();
  const index = s.messageIds.indexOf(messageId);
  if (s.turnActive || index < 0) return;
  const userId = s.messageIds.slice(0, index).findLast((id) => s.messages[id]?.role === 'user');
  if (userId === undefined) return;
  forkAt(userId);
  await withTurn((scope) => runTurn(scope, options), options);
}

/** Sends an edited version of an earlier question as a sibling of it, and runs the turn. */
export async function editAndResend(messageId: string, text: string, options: TurnOptions = {}): Promise<void> {
  const s = useChatStore.getState();
  const message = s.messages[messageId];
  if (s.turnActive || message?.role !== 'user' || text.trim() === '') return;
  forkAt(message.parentId);
  // The edited question keeps the files it was asked about.
  append({ id: newId('user'), role: 'user', text, ...(message.attachments === undefined ? {} : { attachments: message.attachments }) });
  useChatStore.setState({ editingId: null });
  await withTurn((scope) => runTurn(scope, options), options);
}

/** Resolves when no turn is running (before switching conversations). */
export function untilTurnEnds(): Promise<void> {
  return useChatStore.getState().turn?.done ?? Promise.resolve();
}

/** Resumes a cut-off answer; the continuation is shown joined to it. */
export async function continueAnswer(messageId: string, options: TurnOptions = {}): Promise<void> {
  const s = useChatStore.getState();
  const partial = s.messages[messageId];
  if (s.turnActive || partial?.role !== 'assistant' || !canContinue(partial)) return;
  const all = transcript();
  const before = toApiMessages(all.slice(0, all.findIndex((m) => m.id === messageId)));
  const messages = continuationMessages(before, partial, s.settings.model);
  await withTurn((scope) => runTurn(scope, options, { messages, continuationOf: messageId }), options);
}

/** The open conversation's last answer, when a reload cut it off while it streamed from a kept stream. */
function reattachable(): (AssistantMessage & { readonly resume: ResumePoint }) | null {
  const s = useChatStore.getState();
  const id = s.messageIds.findLast((m) => s.messages[m]?.role === 'assistant');
  const message = id === undefined ? undefined : s.messages[id];
  if (s.turnActive || message?.role !== 'assistant' || message.stream.status !== 'interrupted') return null;
  const { resume } = message;
  return resume === undefined ? null : { ...message, resume };
}

/**
 * After a reload (or in another tab): an answer that was streaming from a
 * kept stream attaches to it again and streams on in place; it stays
 * interrupted, with Retry and Continue, when the proxy no longer has it.
 */
export async function reattachInterrupted(options: TurnOptions = {}): Promise<void> {
  const message = reattachable();
  if (message === null) return;
  const s = useChatStore.getState();
  const requestOptions = { ...toRequestOptions(s.settings, []), model: message.requestedModel };
  await withTurn(async (scope) => {
    await streamAssistant(requestOptions, [], { signal: scope.nextRequest(), client: scope.client, newId, resumeFrom: message });
  }, options);
}

/**
 * Plays a recorded answer (an imported .sse file) after the open
 * conversation's last message, through the path a live answer takes; Stop
 * stops it as it would a live one.
 */
export async function replayAnswer(replay: Replay, model: string | null, options: TurnOptions = {}): Promise<void> {
  const s = useChatStore.getState();
  if (s.turnActive) return;
  const requestOptions = { ...toRequestOptions(s.settings, []), ...(model === null ? {} : { model }) };
  await withTurn(async (scope) => {
    await streamAssistant(requestOptions, [], { signal: scope.nextRequest(), client: scope.client, newId, replay });
  }, options);
}

/** What one turn owns: the request under way and the retry countdown, for Stop to reach. */
interface TurnScope {
  /** A signal for the next request (the one Stop aborts). */
  nextRequest(): AbortSignal;
  /** True once Stop was pressed (also after the last byte, while a burst was still being shown). */
  stopped(): boolean;
  /** Waits until every tool call of the message is done; false when Stop came first. */
  waitForToolResults(messageId: string): Promise<boolean>;
  /** Waits `ms`; false when the countdown was cancelled. */
  countdown(ms: number, sleep?: (ms: number) => Promise<void>): Promise<boolean>;
  readonly client: StreamClient;
}

async function withTurn(run: (scope: TurnScope) => Promise<void>, options: TurnOptions): Promise<void> {
  let controller: AbortController | null = null;
  let cancelCountdown: (() => void) | null = null;
  let cancelWait: (() => void) | null = null;
  const scope: TurnScope = {
    client: options.client ?? (options.fetch === undefined ? defaultStreamClient() : createStreamClient({ fetch: options.fetch })),
    nextRequest() {
      controller = new AbortController();
      return controller.signal;
    },
    stopped: () => controller?.signal.aborted === true,
    waitForToolResults: (messageId) =>
      waitForToolResults(messageId, (cancel) => {
        cancelWait = cancel;
      }),
    countdown: (ms, sleep) =>
      new Promise((resolve) => {
        const timer = sleep === undefined ? setTimeout(() => resolve(true), ms) : null;
        if (sleep !== undefined) void sleep(ms).then(() => resolve(true));
        cancelCountdown = () => {
          if (timer !== null) clearTimeout(timer);
          resolve(false);
        };
      }),
  };
  let release = () => {};
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  useChatStore.setState({
    turnActive: true,
    turn: {
      stop: () => {
        controller?.abort();
        cancelCountdown?.();
        cancelWait?.();
      },
      cancelRetry: () => cancelCountdown?.(),
      detach: () => {
        controller?.abort(DETACH);
        cancelCountdown?.();
        cancelWait?.();
      },
      done,
    },
  });
  try {
    await run(scope);
  } finally {
    useChatStore.setState({ turnActive: false, turn: null, retry: null });
    release();
  }
}

interface FirstRequest {
  readonly messages: MessageParam[];
  readonly continuationOf: string;
}

async function runTurn(scope: TurnScope, options: TurnOptions, first?: FirstRequest): Promise<void> {
  const settings = useChatStore.getState().settings;
  const tools = enabledTools(settings);
  const builtinNames = new Set(tools.builtin.map((t) => t.name));
  let requestOptions = toRequestOptions(settings, [...tools.builtin, ...tools.custom]);
  // The answer the next request continues: a cut-off one (Continue), or one the API paused (pause_turn).
  let continues = first?.continuationOf;
  for (let roundTrip = 1; ; roundTrip++) {
    const history = roundTrip === 1 && first !== undefined ? first.messages : toApiMessages(transcript());
    const messages = settings.promptCaching ? withCacheBreakpoint(history) : history;
    const answer = await requestWithRetries(scope, requestOptions, messages, { ...options, stallTimeoutMs: settings.stallTimeoutSeconds * 1000 }, continues);
    if (answer === null || answer.stream.status !== 'complete' || scope.stopped()) return;
    const stopReason = answer.stream.header?.stop_reason;
    if (stopReason !== 'tool_use' && stopReason !== 'pause_turn') return;
    requestOptions = withContainer(requestOptions, answer);
    // A paused answer is resumed by sending it back as it is; what follows is shown joined to it.
    continues = stopReason === 'pause_turn' ? answer.id : undefined;
    if (stopReason === 'tool_use') {
      const results = planToolResults(answer, builtinNames, tools.custom, settings.approval, toolRunner);
      if (results.length === 0) return;
      const message: MessageDraft<ToolResultsMessage> = { id: newId('tools'), role: 'tool_results', results };
      append(message);
      if (!(await scope.waitForToolResults(message.id))) return;
    }
    if (roundTrip >= settings.maxRoundTrips) {
      append({ id: newId('notice'), role: 'notice', text: `Stopped after ${roundTrip} requests in this turn (the round-trip limit is ${settings.maxRoundTrips}; change it in Settings). Send a message to carry on.` });
      return;
    }
  }
}

/** The code execution container the API returned goes with the turn's next request, so its files and state carry on. */
export function withContainer(options: RequestOptions, answer: AssistantMessage): RequestOptions {
  const id = answer.stream.header?.container?.id;
  return typeof id === 'string' && id !== '' ? { ...options, container: id } : options;
}

/** One request, sent again after a countdown while it fails with a transient status before streaming. */
async function requestWithRetries(
  scope: TurnScope,
  requestOptions: RequestOptions,
  messages: MessageParam[],
  options: TurnOptions & { readonly stallTimeoutMs: number },
  continuationOf: string | undefined,
): Promise<AssistantMessage | null> {
  for (let attempt = 0; ; attempt++) {
    const answer = await streamAssistant(requestOptions, messages, { signal: scope.nextRequest(), client: scope.client, newId, continuationOf, stallTimeoutMs: options.stallTimeoutMs });
    const error = answer.stream.error;
    if (answer.stream.status !== 'error' || error === null) return answer;
    const decision = retryDecision(error, attempt, Math.random());
    if (!decision.retry) return answer;
    useChatStore.setState({ retry: { messageId: answer.id, attempt: attempt + 1, maxAttempts: MAX_RETRIES, at: Date.now() + decision.delayMs } });
    const proceed = await scope.countdown(decision.delayMs, options.sleep);
    useChatStore.setState({ retry: null });
    if (!proceed) return answer;
    remove(new Set([answer.id]));
  }
}

/** Cancels a pending automatic retry; the failed answer stays with its error. */
export function cancelRetry(): void {
  useChatStore.getState().turn?.cancelRetry();
}

/** Stops the answer being streamed, a retry countdown, or a turn waiting for tool results; what arrived is kept. */
export function stopStreaming(): void {
  useChatStore.getState().turn?.stop();
}

/**
 * Answers that may stream on in the background while another conversation is
 * open: each holds one of the browser's 6 HTTP/1.1 connections to this
 * origin, and the open conversation needs one for its own answer and one for
 * everything else.
 */
export const MAX_BACKGROUND_STREAMS = 4;

/**
 * Before another conversation opens: the answer being streamed goes on in
 * the background (the proxy keeps it; opening its conversation again
 * attaches to it) when it comes from a kept stream and there is room;
 * otherwise it stops, and the reason is returned for the user.
 */
export async function letGoOfTurn(options: TurnOptions = {}): Promise<string | null> {
  const s = useChatStore.getState();
  if (!s.turnActive) return null;
  const client = options.client ?? defaultStreamClient();
  const kept = s.streaming?.resume !== undefined;
  const room = client.following() < MAX_BACKGROUND_STREAMS;
  if (kept && room) s.turn?.detach();
  else s.turn?.stop();
  await untilTurnEnds();
  return !kept || room ? null : `The answer in the conversation you left was stopped: at most ${MAX_BACKGROUND_STREAMS} answers stream in the background at once.`;
}
