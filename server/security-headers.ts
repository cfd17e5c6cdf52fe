// Defense in depth for untrusted model output: the app renders Claude's text
// with its own code, so one renderer bug would be an XSS. The Content Security
// Policy lets the page run, style, fetch and spawn workers from its own origin
// only, so injected markup could neither run script nor send data anywhere.
// Every response carries these headers: the page, its assets and workers (a
// worker is governed by its own response's policy) and the API's answers.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type PolicyMode = 'production' | 'dev';

const PRODUCTION_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'worker-src': "'self'",
  'style-src': "'self'",
  'connect-src': "'self'",
  'img-src': "'self' data: blob:",
  'font-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

// Vite's dev server needs three things production does not: React Fast
// Refresh's inline preamble script, the <style> elements hot reload injects,
// and the hot-reload WebSocket (which CSP's 'self' covers in Chromium, but
// not in every browser).
const DEV_DIRECTIVES: Readonly<Record<string, string>> = {
  ...PRODUCTION_DIRECTIVES,
  'script-src': "'self' 'unsafe-inline'",
  'style-src': "'self' 'unsafe-inline'",
  'connect-src': "'self' ws: wss:",
};

export function contentSecurityPolicy(mode: PolicyMode): string {
  const directives = mode === 'production' ? PRODUCTION_DIRECTIVES : DEV_DIRECTIVES;
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

export function securityHeaders(mode: PolicyMode): Readonly<Record<string, string>> {
  return {
    'content-security-policy': contentSecurityPolicy(mode),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  };
}

/** Sets the headers before anything else answers; a later writeHead merges its own headers with them. */
export function applySecurityHeaders(res: ServerResponse, mode: PolicyMode): void {
  for (const [name, value] of Object.entries(securityHeaders(mode))) res.setHeader(name, value);
}

/** Connect-style middleware for Vite's dev and preview servers. */
export function securityHeadersMiddleware(mode: PolicyMode) {
  return (_req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    applySecurityHeaders(res, mode);
    next();
  };
}
