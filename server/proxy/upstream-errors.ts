// What went wrong talking to the upstream, in words that are safe to show and
// log: only error names and system error codes (ECONNREFUSED, ...), never an
// error's message, which could quote a URL or header.
import type { ApiFailure } from './api-error';

const CODE = /^[A-Z][A-Z0-9_]{1,40}$/;
const NAME = /^[A-Za-z]{1,40}$/;

const codeOf = (value: unknown): unknown => (typeof value === 'object' && value !== null && 'code' in value ? value.code : undefined);
const nameOf = (value: unknown): unknown => (typeof value === 'object' && value !== null && 'name' in value ? value.name : undefined);
const causeOf = (value: unknown): unknown => (typeof value === 'object' && value !== null && 'cause' in value ? value.cause : undefined);

/** The first system error code along the cause chain (fetch wraps it as TypeError.cause), else the error's class name. */
export function describeUpstreamError(error: unknown): string {
  for (let current = error, depth = 0; current !== undefined && depth < 4; current = causeOf(current), depth++) {
    const code = codeOf(current);
    if (typeof code === 'string' && CODE.test(code)) return code;
  }
  const name = nameOf(error);
  return typeof name === 'string' && NAME.test(name) ? name : 'error';
}

/** Node's fetch has its own headers timeout (300 s); treat it like ours. */
export function isHeadersTimeout(error: unknown): boolean {
  return describeUpstreamError(error) === 'UND_ERR_HEADERS_TIMEOUT';
}

export function upstreamTimeout(timeoutMs: number): ApiFailure {
  return { status: 504, type: 'timeout_error', message: `The Anthropic API did not answer within ${formatSeconds(timeoutMs)}.` };
}

export function upstreamUnreachable(error: unknown): ApiFailure {
  return { status: 502, type: 'api_error', message: `The proxy could not reach the Anthropic API (${describeUpstreamError(error)}).` };
}

export function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
