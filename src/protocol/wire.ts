// Wire types of the Messages API stream. They come from the official SDK as
// type-only imports (erased at build time), so they stay exact and current.
// The SDK's unions are closed; the API's versioning policy says new event,
// block and delta types may appear at any time, so each union below adds an
// explicit open arm that the reducer keeps verbatim or ignores.
import type {
  ContentBlock,
  Message,
  MessageDeltaUsage,
  RawContentBlockDelta,
  RawMessageDeltaEvent,
  TextCitation,
  Usage,
} from '@anthropic-ai/sdk/resources/messages';

export type { ContentBlock, Message, MessageDeltaUsage, RawContentBlockDelta, TextCitation, Usage };

/** A block type this client has never seen: stored and passed on as received. */
export interface UnknownWireBlock {
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface UnknownWireDelta {
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface WireError {
  readonly type: string;
  readonly message: string;
}

/** The message snapshot without its content, as `message_start` sends it. */
export type MessageHeader = Omit<Message, 'content'>;

export type StreamEvent =
  | { readonly type: 'message_start'; readonly message: Message }
  | { readonly type: 'content_block_start'; readonly index: number; readonly content_block: ContentBlock | UnknownWireBlock }
  | { readonly type: 'content_block_delta'; readonly index: number; readonly delta: RawContentBlockDelta | UnknownWireDelta }
  | { readonly type: 'content_block_stop'; readonly index: number }
  | {
      readonly type: 'message_delta';
      readonly delta: RawMessageDeltaEvent.Delta;
      readonly usage: MessageDeltaUsage;
    }
  | { readonly type: 'message_stop' }
  | { readonly type: 'ping' }
  | { readonly type: 'error'; readonly error: WireError }
  /** Any event type added to the API after this client was written. */
  | { readonly type: 'unknown'; readonly name: string; readonly data: unknown };
