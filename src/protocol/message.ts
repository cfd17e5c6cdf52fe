// The evolving assistant message as the UI sees it: the wire snapshot split
// into a header and per-block states, so a delta replaces one block object
// and leaves every other block's identity untouched.
import type { ServerToolUseBlock, TextBlock, ThinkingBlock, ToolUseBlock } from '@anthropic-ai/sdk/resources/messages';
import type { StreamError } from './errors';
import type { PartialJsonParser } from './partial-json';
import type { ContentBlock, Message, MessageHeader, UnknownWireBlock, UnknownWireDelta } from './wire';

export type MessageStatus = 'streaming' | 'complete' | 'stopped' | 'interrupted' | 'error';

export interface StreamTiming {
  /** When the request was sent, on the caller's clock (ms). */
  readonly requestStartedAt: number;
  /** The first content delta: the end of the time to first token. */
  readonly firstTokenAt: number | null;
  readonly lastEventAt: number | null;
  readonly completedAt: number | null;
}

export type ToolCallBlock = ToolUseBlock | ServerToolUseBlock;

export type BlockState =
  | { readonly kind: 'text'; readonly block: TextBlock; readonly closed: boolean }
  | { readonly kind: 'thinking'; readonly block: ThinkingBlock; readonly closed: boolean }
  | {
      readonly kind: 'tool_input';
      readonly block: ToolCallBlock;
      /** The raw input JSON received so far. */
      readonly json: string;
      /** Incremental parser; its value is the best-effort partial input (mutated in place). */
      readonly parser: PartialJsonParser;
      readonly inputError: string | null;
      readonly closed: boolean;
    }
  /** Blocks without deltas (redacted thinking, *_tool_result) and block types this client does not know. */
  | {
      readonly kind: 'opaque';
      readonly block: ContentBlock | UnknownWireBlock;
      readonly deltas: readonly UnknownWireDelta[];
      readonly closed: boolean;
    };

export interface StreamedMessage {
  /** Everything but the content, from `message_start`, updated by `message_delta`. Null until it arrives. */
  readonly header: MessageHeader | null;
  readonly blocks: readonly BlockState[];
  readonly status: MessageStatus;
  readonly sawMessageStop: boolean;
  readonly error: StreamError | null;
  readonly timing: StreamTiming;
}

export function createStreamedMessage(requestStartedAt: number): StreamedMessage {
  return {
    header: null,
    blocks: [],
    status: 'streaming',
    sawMessageStop: false,
    error: null,
    timing: { requestStartedAt, firstTokenAt: null, lastEventAt: null, completedAt: null },
  };
}

/** The wire block as it stands: tool input is the final value once closed, else the best-effort partial. */
export function toWireBlock(state: BlockState): ContentBlock | UnknownWireBlock {
  if (state.kind !== 'tool_input') return state.block;
  return { ...state.block, input: toolInputOf(state) };
}

export function toolInputOf(state: Extract<BlockState, { kind: 'tool_input' }>): unknown {
  return state.block.input ?? state.parser.value ?? {};
}

/** The whole message in the API's `Message` shape, for replaying and comparing with the SDK. */
export function toWireMessage(message: StreamedMessage): Message | null {
  if (message.header === null) return null;
  // Unknown block types are passed through as received, as the versioning policy asks.
  const content = message.blocks.map(toWireBlock) as Message['content'];
  return { ...message.header, content };
}
