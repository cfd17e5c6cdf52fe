export { createStreamClient, defaultStreamClient, type ClientOptions, type OpenedStream, type StreamClient, type WorkerLike } from './stream-client';
export { DETACH } from './types';
export { BATCH_CHARS, DEFAULT_STALL_TIMEOUT_MS, FRAME_CONTENT_CHARS, HIDDEN_TAB_FLUSH_MS } from './timing';
export type { Replay, ResponseMeta, ResumePoint, StreamHandlers, StreamLog, StreamOutcome, StreamRequest } from './types';
export { MAX_RETRIES, RETRYABLE_STATUSES, retryDecision, type RetryDecision } from './retry-policy';
export { toHttpError, parseRetryAfter, type ErrorResponse } from './http-error';
export { fetchJson, type JsonResult } from './fetch-json';
