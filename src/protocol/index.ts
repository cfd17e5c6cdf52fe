export { decodeEvent, isRecord, type DecodeResult } from './decode';
export { toUserMessage, assertNever, type ErrorContext, type StreamError } from './errors';
export {
  createStreamedMessage,
  toWireBlock,
  toWireMessage,
  toolInputOf,
  type BlockState,
  type MessageStatus,
  type StreamedMessage,
  type StreamTiming,
  type ToolCallBlock,
} from './message';
export { PartialJsonParser } from './partial-json';
export { applyDecodeError, applyEvent, endStream, type StreamEnd } from './reduce';
export type { ContentBlock, Message, MessageHeader, StreamEvent, TextCitation, Usage, UnknownWireBlock } from './wire';
export { applyArrival, arrivalChars, createArrivalJoiner, createArrivalQueue, type Arrival, type ArrivalJoiner, type ArrivalQueue } from './arrivals';
