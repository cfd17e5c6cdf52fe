// Reads a request body with two limits: size (the API's own 32 MB) and time
// (a slow, slowloris-style body must not hold a connection and its buffers
// forever). Failures are values; the caller answers them.
import type { IncomingMessage } from 'node:http';

/** The API's own limit for Messages requests. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** The browser and the proxy share a machine by default, so a whole body normally arrives in milliseconds. */
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;

export type BodyFailure = 'too_large' | 'timeout' | 'aborted';
export type BodyResult = { readonly ok: true; readonly body: string } | { readonly ok: false; readonly reason: BodyFailure };

export interface BodyLimits {
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
}

export function readBody(req: IncomingMessage, limits: BodyLimits | number = {}): Promise<BodyResult> {
  // A bare number is the original signature: the size limit.
  const { maxBytes = MAX_BODY_BYTES, timeoutMs = DEFAULT_BODY_TIMEOUT_MS } = typeof limits === 'number' ? { maxBytes: limits } : limits;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const tooLarge = () => {
      chunks.length = 0;
      settle({ ok: false, reason: 'too_large' });
      // Keep the connection readable so the client can read the 413 after its
      // upload; the timer below still bounds how long that drain may take.
      req.resume();
    };
    // Armed for the whole request, draining included: past the deadline the
    // connection is cut even if the 413 was already sent.
    const timer = setTimeout(() => {
      if (settled) req.destroy();
      else settle({ ok: false, reason: 'timeout' });
    }, timeoutMs);
    const done = () => clearTimeout(timer);

    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) tooLarge();

    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) tooLarge();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      done();
      settle({ ok: true, body: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', () => {
      done();
      settle({ ok: false, reason: 'aborted' });
    });
    req.on('close', () => {
      done();
      settle({ ok: false, reason: 'aborted' });
    });
  });
}
