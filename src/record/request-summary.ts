// The request body as the record keeps it: exactly as sent, except that each
// base64 attachment (an image or a document, up to tens of megabytes) is
// replaced by what identifies it: its media type, its size and its SHA-256.
import { isRecord } from '../protocol';

/** Hex SHA-256 of some bytes (crypto.subtle in the browser; injected in tests). */
export type Digest = (bytes: Uint8Array) => Promise<string>;

export interface AttachmentSummary {
  readonly type: 'base64';
  readonly media_type: string;
  /** The decoded size in bytes. */
  readonly bytes: number;
  readonly sha256: string;
}

export async function summariseBody(body: unknown, digest: Digest): Promise<unknown> {
  if (Array.isArray(body)) return Promise.all(body.map((item) => summariseBody(item, digest)));
  if (!isRecord(body)) return body;
  if (body['type'] === 'base64' && typeof body['data'] === 'string') {
    const bytes = fromBase64(body['data']);
    const summary: AttachmentSummary = { type: 'base64', media_type: typeof body['media_type'] === 'string' ? body['media_type'] : 'application/octet-stream', bytes: bytes.length, sha256: await digest(bytes) };
    return summary;
  }
  const entries = await Promise.all(Object.entries(body).map(async ([key, value]) => [key, await summariseBody(value, digest)] as const));
  return Object.fromEntries(entries);
}

function fromBase64(data: string): Uint8Array {
  try {
    const binary = atob(data);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return new Uint8Array(0);
  }
}

export const sha256Hex: Digest = async (bytes) => {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
};
