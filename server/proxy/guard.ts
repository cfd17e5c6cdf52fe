// Who may use the proxy. It spends the user's key, so a web page the user
// happens to visit must not be able to call it:
// - DNS rebinding: a page on evil.example re-points its name at 127.0.0.1 and
//   then calls "its own" origin; the Host header still says evil.example, so
//   only expected local names (plus ALLOWED_HOSTS) are served.
// - Cross-origin requests: browsers label them with Origin (and Sec-Fetch-Site),
//   so a browser request is served only when its Origin is the app's own,
//   i.e. the host:port the request was sent to. Requests without these headers
//   come from scripts and the SDK, which a web page cannot impersonate.
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiFailure } from './api-error';

/** Names that always mean this machine; other names need ALLOWED_HOSTS. */
export const LOCAL_HOSTNAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

const HOST_SYNTAX = /^(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** `host[:port]` as URL normalises it (lower case, default port dropped), or null when it is not a plain host. */
export function normalizeHost(value: string): string | null {
  if (!HOST_SYNTAX.test(value)) return null;
  try {
    return new URL(`http://${value}`).host;
  } catch {
    return null;
  }
}

/** Host names from ALLOWED_HOSTS-style input, normalised; anything that is not a plain host name is dropped. */
export function parseAllowedHosts(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const entry of list) {
    const host = normalizeHost(entry.trim());
    if (host === null) continue;
    const name = new URL(`http://${host}`).hostname;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

function refuse(message: string): ApiFailure {
  return { status: 403, type: 'permission_error', message };
}

/** null when the request may proceed, else the 403 to answer. */
export function checkRequestSource(headers: IncomingHttpHeaders, extraHosts: readonly string[] = []): ApiFailure | null {
  const hostHeader = headers.host;
  const host = hostHeader === undefined ? null : normalizeHost(hostHeader);
  if (host === null) return refuse('Requests must name this server in the Host header.');
  const hostname = new URL(`http://${host}`).hostname;
  if (!LOCAL_HOSTNAMES.includes(hostname) && !extraHosts.includes(hostname)) {
    return refuse(`The proxy only answers requests addressed to localhost; add "${hostname}" to ALLOWED_HOSTS to allow it.`);
  }
  const site = headers['sec-fetch-site'];
  // A browser's own statement that the request comes from another site or origin.
  if (site === 'cross-site' || site === 'same-site') return refuse('Cross-origin requests are not allowed: the proxy holds an API key.');
  const origin = headers.origin;
  if (origin === undefined) return null;
  if (originHost(origin) !== host) return refuse('Cross-origin requests are not allowed: the proxy holds an API key.');
  return null;
}

/** host:port of an http(s) Origin, normalised like the Host header; null for "null" and anything else. */
function originHost(origin: string): string | null {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // An https origin's default port is 443, which URL drops; keep it so it cannot pose as port 80.
    return url.port === '' && url.protocol === 'https:' ? `${url.hostname}:443` : url.host;
  } catch {
    return null;
  }
}
