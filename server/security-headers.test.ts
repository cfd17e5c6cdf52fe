import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-headers';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.slice(0, d.indexOf(' ')), d.slice(d.indexOf(' ') + 1)]));

describe('the security headers', () => {
  it('production allows only the app itself: scripts, workers, styles, connections; images also from data: and blob:', () => {
    const policy = directives(contentSecurityPolicy('production'));
    expect(Object.fromEntries(policy)).toEqual({
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
    });
  });

  it("dev differs only where Vite's hot reload needs it", () => {
    const production = directives(contentSecurityPolicy('production'));
    const dev = directives(contentSecurityPolicy('dev'));
    const changed = [...dev].filter(([name, value]) => production.get(name) !== value);
    expect(Object.fromEntries(changed)).toEqual({
      'script-src': "'self' 'unsafe-inline'",
      'style-src': "'self' 'unsafe-inline'",
      'connect-src': "'self' ws: wss:",
    });
    expect([...dev.keys()]).toEqual([...production.keys()]);
  });

  it('sends no referrer and no MIME sniffing in both modes', () => {
    for (const mode of ['production', 'dev'] as const) {
      expect(securityHeaders(mode)).toMatchObject({ 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' });
    }
  });
});
