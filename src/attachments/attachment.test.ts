import { describe, expect, it } from 'vitest';
import { checkFile, MAX_ATTACHMENTS, toContentBlock, type Attachment } from './attachment';

const att = (size: number): Attachment => ({ id: 'a', kind: 'image', name: 'a.png', mediaType: 'image/png', size, data: 'AA==' });

describe('checkFile', () => {
  it('accepts images and PDFs within the limits', () => {
    expect(checkFile({ name: 'a.png', type: 'image/png', size: 1000 }, [])).toEqual({ ok: true, kind: 'image' });
    expect(checkFile({ name: 'a.pdf', type: 'application/pdf', size: 10 * 1024 * 1024 }, [])).toEqual({ ok: true, kind: 'document' });
  });

  it('explains each limit', () => {
    expect(checkFile({ name: 'a.bmp', type: 'image/bmp', size: 10 }, [])).toEqual({ ok: false, error: 'a.bmp: only JPEG, PNG, GIF and WebP images and PDF files can be attached.' });
    expect(checkFile({ name: 'big.jpg', type: 'image/jpeg', size: 6 * 1024 * 1024 }, [])).toEqual({ ok: false, error: 'big.jpg is 6.0 MB; the limit for an image is 5.0 MB.' });
    expect(checkFile({ name: 'x.png', type: 'image/png', size: 1 }, Array.from({ length: MAX_ATTACHMENTS }, () => att(1)))).toMatchObject({ ok: false });
    expect(checkFile({ name: 'x.pdf', type: 'application/pdf', size: 20 * 1024 * 1024 }, [att(5 * 1024 * 1024)])).toMatchObject({ ok: false, error: expect.stringContaining('total') });
  });

  it('builds the API content blocks', () => {
    expect(toContentBlock(att(1))).toEqual({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AA==' } });
    expect(toContentBlock({ ...att(1), kind: 'document', name: 'r.pdf', mediaType: 'application/pdf' })).toEqual({ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'AA==' }, title: 'r.pdf' });
  });
});
