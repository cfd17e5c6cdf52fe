// Header policy, as allowlists in both directions so that anything new or
// hostile is dropped by default.
// Outgoing: only what the API needs, with our key. Everything else the client
// sent is dropped, in particular its own key (x-api-key, or authorization as
// the SDK sends it), cookies, hop-by-hop headers (connection, keep-alive,
// proxy-*, te, trailer, transfer-encoding, upgrade: they describe the client's
// connection, not the request), forwarding headers and the browser-only
// anthropic-dangerous-direct-browser-access (the key never reaches a browser).
// Incoming: only what a client needs to read back (never set-cookie).
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

export const DEFAULT_API_VERSION = '2023-06-01';

/** The names upstreamHeaders can produce; a test pins the set. */
export const UPSTREAM_HEADER_NAMES = ['x-api-key', 'anthropic-version', 'anthropic-beta', 'content-type', 'accept', 'accept-encoding'] as const;

/** Longest client value passed on; the API's own values are short, so longer ones are junk. */
const MAX_VALUE_LENGTH = 1024;

export function upstreamHeaders(client: IncomingHttpHeaders, apiKey: string): Record<string, string> {
  const headers: Record<string, string> = {
    'x-api-key': apiKey,
    'anthropic-version': clientValue(client['anthropic-version']) ?? DEFAULT_API_VERSION,
    // The API takes JSON only; the client's content-type is not trusted.
    'content-type': 'application/json',
    accept: clientValue(client.accept) ?? 'application/json',
    // Compressed SSE would be buffered: ask for identity.
    'accept-encoding': 'identity',
  };
  const beta = clientValue(client['anthropic-beta']);
  if (beta !== undefined) headers['anthropic-beta'] = beta;
  return headers;
}

const PASSED_BACK = /^(content-type|request-id|retry-after|retry-after-ms|x-should-retry|anthropic-ratelimit-.*|anthropic-priority-.*|anthropic-organization-id|anthropic-workspace-id)$/i;

export function clientHeaders(upstream: Headers): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = { 'cache-control': 'no-cache', 'x-accel-buffering': 'no', 'x-content-type-options': 'nosniff' };
  upstream.forEach((value, name) => {
    if (PASSED_BACK.test(name)) out[name] = value;
  });
  return out;
}

/** One trimmed value (repeated headers joined by commas, as HTTP allows); empty or oversized values count as absent. */
function clientValue(value: string | string[] | undefined): string | undefined {
  const joined = (Array.isArray(value) ? value.join(',') : (value ?? '')).trim();
  return joined === '' || joined.length > MAX_VALUE_LENGTH ? undefined : joined;
}
