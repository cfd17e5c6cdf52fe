export { createStreamClient, defaultStreamClient } from './stream-client';
export { DETACH } from './types';
export { BATCH_CHARS, DEFAULT_STALL_TIMEOUT_MS, FRAME_CONTENT_CHARS, HIDDEN_TAB_FLUSH_MS } from './timing';
export type { ClientOptions, OpenedStream, Replay, ResponseMeta, ResumePoint, StreamClient, StreamHandlers, StreamLog, StreamOutcome, StreamRequest, WorkerLike } from './types';
export { MAX_RETRIES, RETRYABLE_STATUSES, retryDecision, type RetryDecision } from './retry-policy';
export { toHttpError, parseRetryAfter, type ErrorResponse } from './http-error';
export { fetchJson, type JsonResult } from './fetch-json';
