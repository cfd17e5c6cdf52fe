// Images and PDFs in requests: their shape checked like the API does, and
// their tokens counted plausibly. Documented limits (platform docs, vision and
// PDF support pages): images are JPEG, PNG, GIF or WebP, at most 5 MB each
// (API) and are scaled so the long edge is at most 1568 px, costing about
// width*height/750 tokens; a PDF costs text plus an image per page, which we
// take as 1,500 tokens a page; a request is at most 32 MB in all.
import { invalidRequest } from './errors';
import { getString, isObject, type JsonObject } from './json';
import type { ApiErrorSpec } from './types';

export const IMAGE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const FALLBACK_IMAGE_TOKENS = 1600;
const TOKENS_PER_PDF_PAGE = 1500;
const MAX_LONG_EDGE = 1568;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Checks an image or document block's source; undefined when it is well formed. */
export function checkMediaBlock(block: JsonObject, at: string): ApiErrorSpec | undefined {
  const type = getString(block, 'type');
  const source = block['source'];
  if (!isObject(source)) return invalidRequest(`${at}.source: Field required`);
  const sourceType = getString(source, 'type');
  if (sourceType === 'url') return typeof source['url'] === 'string' ? undefined : invalidRequest(`${at}.source.url: Field required`);
  if (type === 'document' && sourceType === 'text') return typeof source['data'] === 'string' ? undefined : invalidRequest(`${at}.source.data: Field required`);
  if (type === 'document' && sourceType === 'content') return undefined;
  if (sourceType !== 'base64') return invalidRequest(`${at}.source.type: Input tag '${String(sourceType)}' found using 'type' does not match any of the expected tags: 'base64', 'url'${type === 'document' ? ", 'text', 'content'" : ''}`);
  const mediaType = getString(source, 'media_type');
  const data = source['data'];
  if (typeof data !== 'string' || data.length === 0) return invalidRequest(`${at}.source.base64.data: Field required`);
  if (!BASE64.test(data)) return invalidRequest(`${at}.source.base64.data: The data is not valid base64.`);
  if (type === 'image') {
    if (!(IMAGE_MEDIA_TYPES as readonly string[]).includes(mediaType ?? '')) {
      return invalidRequest(`${at}.source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'`);
    }
    const bytes = Math.floor((data.length * 3) / 4);
    if (bytes > MAX_IMAGE_BYTES) return invalidRequest(`${at}.source.base64: image exceeds 5 MB maximum: ${bytes} bytes > ${MAX_IMAGE_BYTES} bytes`);
    return undefined;
  }
  if (mediaType !== 'application/pdf') return invalidRequest(`${at}.source.base64.media_type: Input should be 'application/pdf'`);
  return undefined;
}

export function imageTokens(block: JsonObject): number {
  const source = block['source'];
  const data = isObject(source) ? getString(source, 'data') : undefined;
  const size = data === undefined ? null : imageSize(Buffer.from(data.slice(0, 64 * 1024), 'base64'));
  if (size === null) return FALLBACK_IMAGE_TOKENS;
  const scale = Math.min(1, MAX_LONG_EDGE / Math.max(size.width, size.height));
  return Math.max(1, Math.ceil((size.width * scale * size.height * scale) / 750));
}

export function documentTokens(block: JsonObject, countText: (text: string) => number): number {
  const source = block['source'];
  if (!isObject(source)) return 0;
  const data = getString(source, 'data') ?? '';
  if (getString(source, 'type') === 'text') return countText(data);
  if (getString(source, 'type') !== 'base64') return TOKENS_PER_PDF_PAGE;
  // Page objects are "/Type /Page" (the page tree is "/Type /Pages").
  const pages = Buffer.from(data, 'base64').toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 1;
  return Math.max(1, pages) * TOKENS_PER_PDF_PAGE;
}

/** Width and height from a PNG, GIF, JPEG or WebP header; null when unknown. */
export function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.length >= 10 && bytes.toString('latin1', 0, 3) === 'GIF') return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  if (bytes.length >= 30 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    const chunk = bytes.toString('latin1', 12, 16);
    if (chunk === 'VP8X') return { width: 1 + bytes.readUIntLE(24, 3), height: 1 + bytes.readUIntLE(27, 3) };
    if (chunk === 'VP8 ') return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
    if (chunk === 'VP8L') {
      const b = bytes.readUInt32LE(21);
      return { width: 1 + (b & 0x3fff), height: 1 + ((b >> 14) & 0x3fff) };
    }
    return null;
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
  return null;
}

function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1] ?? 0;
    const length = bytes.readUInt16BE(i + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}
