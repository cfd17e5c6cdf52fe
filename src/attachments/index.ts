export {
  ACCEPT,
  checkFile,
  dataUrl,
  IMAGE_TYPES,
  MAX_ATTACHMENTS,
  MAX_IMAGE_BYTES,
  MAX_PDF_BYTES,
  MAX_TOTAL_BYTES,
  PDF_TYPE,
  toContentBlock,
  type Attachment,
  type AttachmentKind,
  type FileCheck,
} from './attachment';
export { readAttachment, type ReadResult } from './read-file';
export { AttachmentThumbnails } from './thumbnails';
export {
  blockBytes,
  MAX_IMAGES_PER_REQUEST,
  MAX_PDF_PAGES_PER_REQUEST,
  MAX_REQUEST_BYTES,
  pdfPageCount,
  requestLimitProblem,
  type RequestAttachment,
  type RequestShape,
} from './request-limits';
