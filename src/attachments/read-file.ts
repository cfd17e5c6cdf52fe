// Reading a picked, dropped or pasted file into an attachment (browser I/O).
import { checkFile, type Attachment } from './attachment';

export type ReadResult = { readonly ok: true; readonly attachment: Attachment } | { readonly ok: false; readonly error: string };

let counter = 0;

export async function readAttachment(file: File, existing: readonly Attachment[]): Promise<ReadResult> {
  const check = checkFile(file, existing);
  if (!check.ok) return check;
  try {
    const buffer = await file.arrayBuffer();
    counter += 1;
    return {
      ok: true,
      attachment: { id: `file-${Date.now().toString(36)}-${counter}`, kind: check.kind, name: file.name || 'pasted file', mediaType: file.type, size: file.size, data: toBase64(new Uint8Array(buffer)) },
    };
  } catch {
    return { ok: false, error: `${file.name} could not be read.` };
  }
}

/** Base64 in chunks: String.fromCharCode on a whole large file would overflow the call stack. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
