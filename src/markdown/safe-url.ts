/**
 * Only these schemes become clickable: anything else (javascript:, data:,
 * vbscript:, relative paths that would resolve against the app) stays text.
 */
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

/**
 * The normalized href if it is safe to link to, else null. The WHATWG URL
 * parser is the one the browser uses, so tricks such as "java\tscript:" are
 * judged exactly as the browser would resolve them, and we emit `url.href`.
 */
export function safeHref(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null; // relative or malformed
  }
  return ALLOWED.has(url.protocol) ? url.href : null;
}
