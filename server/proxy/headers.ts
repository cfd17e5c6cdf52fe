// Header policy. Outgoing: only what the API needs, with our key; any key the
// client sent (x-api-key, or authorization as the SDK 1.x sends it) is dropped.
// Incoming: only what a client needs to read back.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

export const DEFAULT_API_VERSION = '2023-06-01';

export function upstreamHeaders(client: IncomingHttpHeaders, apiKey: string): Record<string, string> {
  const headers: Record<string, string> = {
    'x-api-key': apiKey,
    'anthropic-version': single(client['anthropic-version']) ?? DEFAULT_API_VERSION,
    'content-type': 'application/json',
    accept: single(client.accept) ?? 'application/json',
    // Compressed SSE would be buffered: ask for identity.
    'accept-encoding': 'identity',
  };
  const beta = client['anthropic-beta'];
  if (beta !== undefined) headers['anthropic-beta'] = Array.isArray(beta) ? beta.join(',') : beta;
  return headers;
}

const PASSED_BACK = /^(content-type|request-id|retry-after|retry-after-ms|x-should-retry|anthropic-ratelimit-.*|anthropic-priority-.*|anthropic-organization-id|anthropic-workspace-id)$/i;

export function clientHeaders(upstream: Headers): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = { 'cache-control': 'no-cache', 'x-accel-buffering': 'no' };
  upstream.forEach((value, name) => {
    if (PASSED_BACK.test(name)) out[name] = value;
  });
  return out;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
