// Every failure a stream can meet, as a value. The UI renders `toUserMessage`;
// nothing here throws.

export type StreamError =
  /** An HTTP error before the stream, or an `error` event inside it. */
  | {
      readonly kind: 'api';
      readonly status: number | null;
      readonly type: string;
      readonly message: string;
      readonly requestId: string | null;
      readonly retryAfterSeconds: number | null;
    }
  /** The connection failed or dropped. */
  | { readonly kind: 'network'; readonly message: string }
  /** The body ended without `message_stop`. */
  | { readonly kind: 'incomplete' }
  /** A `data:` line that is not valid JSON, or an event missing its fields. */
  | { readonly kind: 'malformed'; readonly event: string; readonly detail: string }
  /** A 2xx response that is not an event stream. */
  | { readonly kind: 'unexpected_response'; readonly status: number; readonly contentType: string }
  /** No byte at all (pings included) for too long: the stream was given up. */
  | { readonly kind: 'stall'; readonly seconds: number };

export function toUserMessage(error: StreamError): string {
  switch (error.kind) {
    case 'api':
      return describeApiError(error);
    case 'network':
      return `The connection failed: ${error.message}. Everything received so far is kept.`;
    case 'incomplete':
      return 'The stream ended before the answer was complete. Everything received so far is kept.';
    case 'malformed':
      return `The server sent an unreadable "${error.event}" event (${error.detail}). It was skipped.`;
    case 'stall':
      return `No data arrived for ${error.seconds} s, so the stream was given up. Everything received so far is kept.`;
    case 'unexpected_response':
      return `The server answered ${error.status} with "${error.contentType || 'no content type'}" instead of an event stream.`;
    default:
      return assertNever(error);
  }
}

function describeApiError(error: Extract<StreamError, { kind: 'api' }>): string {
  const status = error.status === null ? '' : ` (HTTP ${error.status})`;
  switch (error.type) {
    case 'authentication_error':
      return `The API key was rejected${status}: ${error.message}. Set ANTHROPIC_API_KEY in the server's environment or .env file.`;
    case 'permission_error':
      return `This API key may not do that${status}: ${error.message}`;
    case 'not_found_error':
      return `Not found${status}: ${error.message}`;
    case 'request_too_large':
      return `The request is too large${status}: ${error.message}`;
    case 'rate_limit_error':
      return `Rate limited${status}: ${error.message}${retryHint(error.retryAfterSeconds)}`;
    case 'overloaded_error':
      return `Claude is overloaded right now${status}: ${error.message}${retryHint(error.retryAfterSeconds)}`;
    default:
      return `${error.message}${status}`;
  }
}

function retryHint(seconds: number | null): string {
  return seconds === null ? '' : ` Try again in ${seconds} s.`;
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}
