// Files the user attaches to a message, sent as base64 `image` and
// `document` content blocks. Limits are the API's (vision and PDF support
// docs): JPEG, PNG, GIF and WebP images up to 5 MB each; PDFs, within the
// 32 MB request limit, which base64 (4/3 larger) leaves at about 24 MB of file.
import type { ContentBlockParam } from '@anthropic-ai/sdk/resources/messages';

export type AttachmentKind = 'image' | 'document';

export interface Attachment {
  readonly id: string;
  readonly kind: AttachmentKind;
  readonly name: string;
  readonly mediaType: string;
  /** Size of the file in bytes. */
  readonly size: number;
  /** Base64 without the data: URL prefix. */
  readonly data: string;
}

export const IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
export const PDF_TYPE = 'application/pdf';
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_PDF_BYTES = 24 * 1024 * 1024;
/** Everything attached to one message, so the request stays under 32 MB once base64-encoded. */
export const MAX_TOTAL_BYTES = 24 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;
export const ACCEPT = [...IMAGE_TYPES, PDF_TYPE].join(',');

export type FileCheck = { readonly ok: true; readonly kind: AttachmentKind } | { readonly ok: false; readonly error: string };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Whether a file can be attached next to the ones already there. */
export function checkFile(file: { readonly name: string; readonly type: string; readonly size: number }, existing: readonly Attachment[]): FileCheck {
  const kind: AttachmentKind | null = IMAGE_TYPES.includes(file.type) ? 'image' : file.type === PDF_TYPE ? 'document' : null;
  if (kind === null) return { ok: false, error: `${file.name}: only JPEG, PNG, GIF and WebP images and PDF files can be attached.` };
  if (existing.length >= MAX_ATTACHMENTS) return { ok: false, error: `At most ${MAX_ATTACHMENTS} files per message.` };
  const limit = kind === 'image' ? MAX_IMAGE_BYTES : MAX_PDF_BYTES;
  if (file.size > limit) return { ok: false, error: `${file.name} is ${megabytes(file.size)}; the limit for ${kind === 'image' ? 'an image' : 'a PDF'} is ${megabytes(limit)}.` };
  if (file.size === 0) return { ok: false, error: `${file.name} is empty.` };
  const total = existing.reduce((sum, a) => sum + a.size, 0) + file.size;
  if (total > MAX_TOTAL_BYTES) return { ok: false, error: `Attachments would total ${megabytes(total)}; one message can carry ${megabytes(MAX_TOTAL_BYTES)}.` };
  return { ok: true, kind };
}

export function toContentBlock(attachment: Attachment): ContentBlockParam {
  return attachment.kind === 'image'
    ? { type: 'image', source: { type: 'base64', media_type: attachment.mediaType as 'image/png', data: attachment.data } }
    : { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: attachment.data }, title: attachment.name };
}

export function dataUrl(attachment: Attachment): string {
  return `data:${attachment.mediaType};base64,${attachment.data}`;
}
