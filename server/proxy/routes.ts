// Which requests the proxy answers. Only the Messages API surface the app
// needs is forwarded; everything else is a 404 in the API's own shape.

export const API_PREFIX = '/api';
export const STATUS_PATH = '/_app/status';
/** Test hook (only with STREAM_TEST_HOOKS=1): POST cuts the browser's connections to a kept stream. */
export const CUT_STREAM_PATH = '/_app/test/cut-stream/';

export type Route =
  | { readonly kind: 'api'; readonly path: string }
  /** A kept stream (see stream-hub.ts): GET attaches to it, DELETE stops it. */
  | { readonly kind: 'stream'; readonly method: 'GET' | 'DELETE'; readonly id: string }
  | { readonly kind: 'status' }
  | { readonly kind: 'cut_stream'; readonly id: string }
  | { readonly kind: 'not_found'; readonly path: string }
  | { readonly kind: 'not_ours' };

const ALLOWED: ReadonlyArray<{ readonly method: string; readonly pattern: RegExp }> = [
  { method: 'POST', pattern: /^\/v1\/messages$/ },
  { method: 'POST', pattern: /^\/v1\/messages\/count_tokens$/ },
  { method: 'GET', pattern: /^\/v1\/models$/ },
  // A model id starts with a letter or digit, so `.` and `..` (which URL
  // resolution would turn into another upstream path) never match.
  { method: 'GET', pattern: /^\/v1\/models\/[A-Za-z0-9][A-Za-z0-9._:@-]*$/ },
];

/** `url` is the raw request target, e.g. `/api/v1/messages?beta=true`. */
export function matchRoute(method: string, url: string): Route {
  const mark = url.indexOf('?');
  const pathname = mark === -1 ? url : url.slice(0, mark);
  const query = mark === -1 ? undefined : url.slice(mark + 1);
  if (pathname === STATUS_PATH && method === 'GET') return { kind: 'status' };
  if (pathname.startsWith(CUT_STREAM_PATH) && method === 'POST') return { kind: 'cut_stream', id: pathname.slice(CUT_STREAM_PATH.length) };
  if (pathname !== API_PREFIX && !pathname.startsWith(`${API_PREFIX}/`)) return { kind: 'not_ours' };
  const path = pathname.slice(API_PREFIX.length) || '/';
  // A stream id is 128 random bits in base64url: 22 characters, nothing that could leave the path.
  const stream = /^\/streams\/([A-Za-z0-9_-]{22})$/.exec(path);
  if (stream !== null && (method === 'GET' || method === 'DELETE')) return { kind: 'stream', method, id: stream[1] ?? '' };
  const allowed = ALLOWED.some((route) => route.method === method && route.pattern.test(path));
  if (!allowed) return { kind: 'not_found', path };
  return { kind: 'api', path: query === undefined ? path : `${path}?${query}` };
}
