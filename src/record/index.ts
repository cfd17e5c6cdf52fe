export { EMPTY_MARKS, keptResponseHeader, keptResponseHeaders, RECORD_VERSION, toMicros, type RecordedRequest, type RecordedResponse, type RecordMarks, type StreamRecord } from './types';
export { segmentSse, type Segmented, type SseMessage } from './segment';
export { decodeSseFile, encodeSseFile, SSE_FILE_MAGIC, type DecodedSseFile, type ReplayPiece } from './sse-file';
export { rateLimitsOf, type RateLimit } from './rate-limits';
export { sha256Hex, summariseBody, type AttachmentSummary, type Digest } from './request-summary';
export { forEachEvent, recordEntries, type RecordEntry } from './entries';
