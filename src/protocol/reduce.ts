// applyEvent(message, event, now) -> message. Pure: never mutates its input
// (except the tool-input parser, which is append-only by design so that a
// delta costs O(delta)), replaces only the block that changed, and never
// throws: problems become values on the message.
import { assertNever, type StreamError } from './errors';
import { type BlockState, type StreamedMessage } from './message';
import { PartialJsonParser } from './partial-json';
import type { ContentBlock, RawContentBlockDelta, StreamEvent, UnknownWireBlock, UnknownWireDelta } from './wire';

export function applyEvent(message: StreamedMessage, event: StreamEvent, now: number): StreamedMessage {
  if (message.status !== 'streaming') return message;
  const next = applyToMessage(message, event, now);
  if (next === message) return message;
  return { ...next, timing: { ...next.timing, lastEventAt: now } };
}

function applyToMessage(message: StreamedMessage, event: StreamEvent, now: number): StreamedMessage {
  switch (event.type) {
    case 'message_start':
      // A second message_start would restart the snapshot; the API never sends one.
      if (message.header !== null) return message;
      return { ...message, header: withoutContent(event.message) };
    case 'content_block_start':
      if (message.header === null) return message;
      return { ...message, blocks: [...message.blocks, startBlock(event.content_block)] };
    case 'content_block_delta':
      return applyDelta(message, event.index, event.delta, now);
    case 'content_block_stop':
      return updateBlock(message, event.index, closeBlock);
    case 'message_delta':
      return applyMessageDelta(message, event);
    case 'message_stop':
      if (message.header === null) return message;
      return finish({ ...message, sawMessageStop: true }, 'complete', message.error, now);
    case 'error':
      return finish(message, 'error', apiErrorFromEvent(event.error), now);
    case 'ping':
    case 'unknown':
      return message;
    default:
      return assertNever(event);
  }
}

function withoutContent(wire: Extract<StreamEvent, { type: 'message_start' }>['message']): StreamedMessage['header'] {
  const { content: _content, ...header } = wire;
  return { ...header, usage: { ...header.usage } };
}

function startBlock(block: ContentBlock | UnknownWireBlock): BlockState {
  switch (block.type) {
    case 'text':
    case 'thinking':
      return { kind: block.type, block: { ...block }, closed: false } as BlockState;
    case 'tool_use':
    case 'server_tool_use':
      return {
        kind: 'tool_input',
        block: { ...(block as Extract<ContentBlock, { type: 'tool_use' | 'server_tool_use' }>), input: undefined },
        json: '',
        parser: new PartialJsonParser(),
        inputError: null,
        closed: false,
      };
    default:
      return { kind: 'opaque', block: { ...block }, deltas: [], closed: false };
  }
}

function applyDelta(
  message: StreamedMessage,
  index: number,
  delta: RawContentBlockDelta | UnknownWireDelta,
  now: number,
): StreamedMessage {
  const next = updateBlock(message, index, (state) => applyBlockDelta(state, delta));
  if (next === message || message.timing.firstTokenAt !== null) return next;
  return { ...next, timing: { ...next.timing, firstTokenAt: now } };
}

/** Applies a delta to the block it names; a delta that does not fit its block is ignored, as the SDK does. */
function applyBlockDelta(state: BlockState, delta: RawContentBlockDelta | UnknownWireDelta): BlockState {
  const known = delta as RawContentBlockDelta;
  switch (known.type) {
    case 'text_delta':
      if (state.kind !== 'text') return state;
      return { ...state, block: { ...state.block, text: state.block.text + known.text } };
    case 'citations_delta':
      if (state.kind !== 'text') return state;
      return { ...state, block: { ...state.block, citations: [...(state.block.citations ?? []), known.citation] } };
    case 'thinking_delta':
      if (state.kind !== 'thinking') return state;
      return { ...state, block: { ...state.block, thinking: state.block.thinking + known.thinking } };
    case 'signature_delta':
      // One signature per block, sent whole: replace, never append.
      if (state.kind !== 'thinking') return state;
      return { ...state, block: { ...state.block, signature: known.signature } };
    case 'input_json_delta':
      if (state.kind !== 'tool_input') return state;
      state.parser.push(known.partial_json);
      return { ...state, json: state.json + known.partial_json };
    default:
      // A delta type added after this client was written: kept on opaque blocks, ignored elsewhere.
      if (state.kind !== 'opaque') return state;
      return { ...state, deltas: [...state.deltas, delta as UnknownWireDelta] };
  }
}

function closeBlock(state: BlockState): BlockState {
  if (state.closed) return state;
  if (state.kind !== 'tool_input') return { ...state, closed: true };
  return { ...finalizeToolInput(state), closed: true };
}

/** The exact final input: JSON.parse of the whole string, where an empty string means {}. */
function finalizeToolInput(state: Extract<BlockState, { kind: 'tool_input' }>): BlockState {
  if (state.json.trim() === '') return { ...state, block: { ...state.block, input: {} } };
  try {
    return { ...state, block: { ...state.block, input: JSON.parse(state.json) as unknown } };
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return { ...state, inputError: `The tool input is not valid JSON (${reason}).` };
  }
}

function updateBlock(message: StreamedMessage, index: number, update: (state: BlockState) => BlockState): StreamedMessage {
  const state = message.blocks[index];
  // A delta or stop for a block that was never started is out of order: ignore it.
  if (state === undefined) return message;
  const next = update(state);
  if (next === state) return message;
  const blocks = message.blocks.slice();
  blocks[index] = next;
  return { ...message, blocks };
}

function applyMessageDelta(message: StreamedMessage, event: Extract<StreamEvent, { type: 'message_delta' }>): StreamedMessage {
  const header = message.header;
  if (header === null) return message;
  const { delta, usage } = event;
  // Usage in message_delta is cumulative: present fields replace earlier values, never add.
  const merged = { ...header.usage };
  if (usage !== undefined && usage !== null) {
    if (typeof usage.output_tokens === 'number') merged.output_tokens = usage.output_tokens;
    if (usage.input_tokens != null) merged.input_tokens = usage.input_tokens;
    if (usage.cache_creation_input_tokens != null) merged.cache_creation_input_tokens = usage.cache_creation_input_tokens;
    if (usage.cache_read_input_tokens != null) merged.cache_read_input_tokens = usage.cache_read_input_tokens;
    if (usage.server_tool_use != null) merged.server_tool_use = usage.server_tool_use;
    if (usage.output_tokens_details != null) merged.output_tokens_details = usage.output_tokens_details;
  }
  return {
    ...message,
    header: {
      ...header,
      stop_reason: delta.stop_reason ?? header.stop_reason,
      stop_sequence: delta.stop_sequence ?? header.stop_sequence,
      stop_details: delta.stop_details ?? header.stop_details,
      container: delta.container ?? header.container,
      usage: merged,
    },
  };
}

function apiErrorFromEvent(error: { type?: unknown; message?: unknown }): StreamError {
  return {
    kind: 'api',
    status: null,
    type: typeof error.type === 'string' ? error.type : 'api_error',
    message: typeof error.message === 'string' ? error.message : 'The stream reported an error.',
    requestId: null,
    retryAfterSeconds: null,
  };
}

export type StreamEnd =
  | { readonly kind: 'eof' }
  | { readonly kind: 'aborted' }
  | { readonly kind: 'failed'; readonly error: StreamError };

/** The transport's end of the stream. A stream that ends without message_stop keeps what it has and says why. */
export function endStream(message: StreamedMessage, end: StreamEnd, now: number): StreamedMessage {
  if (message.status !== 'streaming') return message;
  switch (end.kind) {
    case 'eof':
      return finish(message, 'interrupted', message.error ?? { kind: 'incomplete' }, now);
    case 'aborted':
      return finish(message, 'stopped', message.error, now);
    case 'failed':
      return finish(message, end.error.kind === 'api' ? 'error' : 'interrupted', end.error, now);
    default:
      return assertNever(end);
  }
}

/** Records an unreadable event; the stream goes on. */
export function applyDecodeError(message: StreamedMessage, error: StreamError): StreamedMessage {
  if (message.status !== 'streaming' || message.error !== null) return message;
  return { ...message, error };
}

function finish(
  message: StreamedMessage,
  status: StreamedMessage['status'],
  error: StreamError | null,
  now: number,
): StreamedMessage {
  // Blocks left open (max_tokens can cut tool input without a content_block_stop) are finalised here.
  const blocks = message.blocks.some((b) => !b.closed) ? message.blocks.map(closeBlock) : message.blocks;
  return { ...message, blocks, status, error, timing: { ...message.timing, completedAt: now } };
}
