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

/** What the failed request asked for, so a message can name it (a 404 names the model). */
export interface ErrorContext {
  readonly model?: string;
}

export function toUserMessage(error: StreamError, context: ErrorContext = {}): string {
  switch (error.kind) {
    case 'api':
      return describeApiError(error, context);
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

const SET_KEY = "Set ANTHROPIC_API_KEY in the server's environment or .env file and restart the server.";

function describeApiError(error: Extract<StreamError, { kind: 'api' }>, context: ErrorContext): string {
  const said = (lead: string, advice = '') => `${lead}${error.status === null ? '' : ` (HTTP ${error.status})`}: ${sentence(error.message)}${advice}`;
  // The proxy's own 408 (a request body that never finished) carries invalid_request_error: the status says more.
  if (error.status === 408) return said('The request did not reach the API in time', ' Try again.');
  switch (error.type) {
    case 'invalid_request_error':
      return said('The API refused the request');
    case 'authentication_error':
      return said('The API key was rejected', ` ${SET_KEY}`);
    case 'permission_error':
      return said('This API key may not do that', ` To use a key that may: ${SET_KEY}`);
    case 'billing_error':
      return said('The API account has a billing problem', ' See Plans & Billing in the Claude Console.');
    case 'not_found_error':
      return context.model === undefined ? said('Not found') : said(`The model "${context.model}" was not found`, ' Choose another model in Settings.');
    case 'request_too_large':
      return said('The request is too large', ' Remove an attachment, or start a new conversation.');
    case 'rate_limit_error':
      return said('Rate limited', retryHint(error.retryAfterSeconds));
    case 'api_error':
      return said('The API had an internal error', ' Try again.');
    case 'timeout_error':
      return said('The API did not answer in time', ' Try again.');
    case 'overloaded_error':
      return said('Claude is overloaded right now', retryHint(error.retryAfterSeconds));
    default:
      return said('The API reported an error');
  }
}

/** The upstream's text as a sentence: its own full stop kept, one added otherwise. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function retryHint(seconds: number | null): string {
  return seconds === null ? '' : ` Try again in ${seconds} s.`;
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}
