export { streamMessage, type ResponseMeta, type StreamHandlers, type StreamRequest } from './stream-message';
export { toHttpError, parseRetryAfter, type ErrorResponse } from './http-error';
export { fetchJson, type JsonResult } from './fetch-json';
