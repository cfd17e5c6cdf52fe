import { describe, expect, it } from 'vitest';
import { checkMediaBlock, documentTokens, imageSize, imageTokens } from './media';

function png(width: number, height: number): string {
  const bytes = Buffer.alloc(33);
  bytes.writeUInt32BE(0x89504e47, 0);
  bytes.writeUInt32BE(0x0d0a1a0a, 4);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes.toString('base64');
}

const image = (data: string, media_type = 'image/png') => ({ type: 'image', source: { type: 'base64', media_type, data } });

describe('media blocks', () => {
  it('accepts well-formed images and PDFs and rejects what the API rejects', () => {
    expect(checkMediaBlock(image(png(10, 10)), 'messages.0.content.0')).toBeUndefined();
    expect(checkMediaBlock({ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' } }, 'x')).toBeUndefined();
    expect(checkMediaBlock(image(png(1, 1), 'image/bmp'), 'messages.0.content.0')?.message).toMatch(/media_type: Input should be 'image\/jpeg'/);
    expect(checkMediaBlock(image('not base64!'), 'x')?.message).toMatch(/not valid base64/);
    expect(checkMediaBlock({ type: 'image' }, 'x')?.message).toMatch(/source: Field required/);
    expect(checkMediaBlock(image('A'.repeat(8 * 1024 * 1024)), 'x')?.message).toMatch(/exceeds 5 MB/);
    expect(checkMediaBlock({ type: 'document', source: { type: 'base64', media_type: 'image/png', data: 'AA==' } }, 'x')?.message).toMatch(/application\/pdf/);
  });

  it('counts image tokens from the pixel size, scaled to a 1568 px long edge', () => {
    expect(imageSize(Buffer.from(png(800, 600), 'base64'))).toEqual({ width: 800, height: 600 });
    expect(imageTokens(image(png(750, 100)))).toBe(100);
    expect(imageTokens(image(png(3136, 3136)))).toBe(Math.ceil((1568 * 1568) / 750));
    expect(imageTokens(image('AAAA'))).toBe(1600);
  });

  it('counts PDF pages', () => {
    const pdf = Buffer.from('%PDF-1.4 /Type /Pages /Type /Page x /Type/Page y', 'latin1').toString('base64');
    expect(documentTokens({ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: pdf } }, () => 0)).toBe(3000);
  });
});
