export { openStream, warmUpStreams } from './off-thread';
export { unpackMessages, type PackedMessages } from './worker-protocol';
export { DEFAULT_STALL_TIMEOUT_MS, streamMessage, type ResponseMeta, type StreamHandlers, type StreamRequest } from './stream-message';
export { MAX_RETRIES, RETRYABLE_STATUSES, retryDecision, type RetryDecision } from './retry-policy';
export { toHttpError, parseRetryAfter, type ErrorResponse } from './http-error';
export { fetchJson, type JsonResult } from './fetch-json';
