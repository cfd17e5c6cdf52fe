import type { IncomingMessage } from 'node:http';

/** The API's own limit for Messages requests. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export type BodyResult = { readonly ok: true; readonly body: string } | { readonly ok: false; readonly reason: 'too_large' | 'aborted' };

export function readBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settle({ ok: false, reason: 'too_large' });
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => settle({ ok: true, body: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => settle({ ok: false, reason: 'aborted' }));
    req.on('close', () => settle({ ok: false, reason: 'aborted' }));
  });
}
