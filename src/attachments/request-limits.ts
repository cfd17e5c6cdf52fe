// Limits of one whole Messages request, not of one message: every earlier
// attachment of the conversation is sent again with every later request, so
// files that each pass on their own can add up to a request the API (and our
// proxy) refuses with 413. From the API docs: a request is at most 32 MB, and
// carries at most 100 images and 100 PDF pages. Pure.
import { toContentBlock, type Attachment } from './attachment';

export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;
export const MAX_IMAGES_PER_REQUEST = 100;
export const MAX_PDF_PAGES_PER_REQUEST = 100;

export interface RequestAttachment {
  readonly attachment: Attachment;
  /** On the message being written (the user can still remove it), not on an earlier one. */
  readonly pending: boolean;
}

export interface RequestShape {
  readonly attachments: readonly RequestAttachment[];
  /** The whole request body in bytes, attachments included. */
  readonly bodyBytes: number;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Page objects are "/Type /Page" (the page tree is "/Type /Pages"); a PDF has at least one page. */
export function pdfPageCount(base64: string): number {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return 1;
  }
  return Math.max(1, binary.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0);
}

// Counting pages decodes the whole file: once per attachment is enough.
const pageCache = new WeakMap<Attachment, number>();
function pagesOf(attachment: Attachment): number {
  if (attachment.kind !== 'document') return 0;
  const cached = pageCache.get(attachment);
  if (cached !== undefined) return cached;
  const pages = pdfPageCount(attachment.data);
  pageCache.set(attachment, pages);
  return pages;
}

/** What an attachment adds to the request body: its content block and the comma before it. */
export function blockBytes(attachment: Attachment): number {
  return new TextEncoder().encode(JSON.stringify(toContentBlock({ ...attachment, data: '' }))).length + attachment.data.length + 1;
}

/**
 * Why the request would be refused, naming what to remove; null when it fits.
 * Files on the message being written are named first (removing one is enough
 * when it is); when the earlier ones alone fill the request, a new
 * conversation is the way out.
 */
export function requestLimitProblem(request: RequestShape): string | null {
  const { attachments, bodyBytes } = request;
  if (bodyBytes > MAX_REQUEST_BYTES) {
    const lead = `This request would be ${megabytes(bodyBytes)}, over the API's ${megabytes(MAX_REQUEST_BYTES)} limit (every earlier attachment is sent again with each request).`;
    return `${lead} ${advice(attachments, blockBytes, bodyBytes - MAX_REQUEST_BYTES, (a) => `${a.name} (${megabytes(a.size)})`)}`;
  }
  const images = attachments.filter((a) => a.attachment.kind === 'image').length;
  if (images > MAX_IMAGES_PER_REQUEST) {
    const lead = `This request would carry ${images} images; the API takes at most ${MAX_IMAGES_PER_REQUEST} in one request, earlier messages included.`;
    const imageOnly = attachments.filter((a) => a.attachment.kind === 'image');
    return `${lead} ${advice(imageOnly, () => 1, images - MAX_IMAGES_PER_REQUEST, (a) => a.name)}`;
  }
  const pages = attachments.reduce((n, a) => n + pagesOf(a.attachment), 0);
  if (pages > MAX_PDF_PAGES_PER_REQUEST) {
    const lead = `This request would carry ${pages} PDF pages; the API takes at most ${MAX_PDF_PAGES_PER_REQUEST} in one request, earlier messages included.`;
    const pdfs = attachments.filter((a) => a.attachment.kind === 'document');
    return `${lead} ${advice(pdfs, pagesOf, pages - MAX_PDF_PAGES_PER_REQUEST, (a) => `${a.name} (${pagesOf(a)} pages)`)}`;
  }
  return null;
}

/** Which files on the new message to remove to shed `excess` (by `weight`), or else a new conversation. */
function advice(attachments: readonly RequestAttachment[], weight: (a: Attachment) => number, excess: number, label: (a: Attachment) => string): string {
  const pending = attachments.filter((a) => a.pending).map((a) => a.attachment);
  // One file is enough: the smallest such, so the user keeps the most.
  const one = pending.filter((a) => weight(a) >= excess).sort((a, b) => weight(a) - weight(b))[0];
  if (one !== undefined) return `Remove ${label(one)} from this message.`;
  // Several: the heaviest first.
  const chosen: Attachment[] = [];
  let shed = 0;
  for (const a of [...pending].sort((x, y) => weight(y) - weight(x))) {
    if (shed >= excess) break;
    chosen.push(a);
    shed += weight(a);
  }
  if (shed >= excess) return `Remove ${chosen.map(label).join(', ')} from this message.`;
  const earlier = attachments.filter((a) => !a.pending).map((a) => a.attachment).sort((x, y) => weight(y) - weight(x));
  const named = earlier.slice(0, 3).map(label).join(', ');
  return `The files already in this conversation (${named}${earlier.length > 3 ? ', ...' : ''}) leave no room: start a new conversation${pending.length > 0 ? ' for this message' : ''}.`;
}
