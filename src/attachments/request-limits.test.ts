import { describe, expect, it } from 'vitest';
import type { Attachment } from './attachment';
import { blockBytes, MAX_REQUEST_BYTES, pdfPageCount, requestLimitProblem, type RequestAttachment } from './request-limits';

const MB = 1024 * 1024;
/** A PDF attachment whose base64 is `size` * 4/3 long; its data is only a stand-in of that length. */
const pdf = (name: string, size: number, pages = 1): Attachment => {
  const body = btoa(`%PDF-1.4\n${'<< /Type /Page >>\n'.repeat(pages)}%%EOF\n`);
  return { id: name, kind: 'document', name, mediaType: 'application/pdf', size, data: body.padEnd(Math.ceil((size * 4) / 3 / 4) * 4, 'A') };
};
const image = (name: string): Attachment => ({ id: name, kind: 'image', name, mediaType: 'image/png', size: 100, data: 'AAAA' });
const on = (pending: boolean, ...attachments: Attachment[]): RequestAttachment[] => attachments.map((attachment) => ({ attachment, pending }));
const bodyOf = (attachments: readonly RequestAttachment[], rest = 2_000) => rest + attachments.reduce((n, a) => n + blockBytes(a.attachment), 0);

describe('requestLimitProblem: the whole request, not one message', () => {
  it('accepts a conversation within 32 MB, 100 images and 100 pages', () => {
    const attachments = [...on(false, pdf('a.pdf', 10 * MB, 40)), ...on(true, pdf('b.pdf', 10 * MB, 60))];
    expect(requestLimitProblem({ attachments, bodyBytes: bodyOf(attachments) })).toBeNull();
  });

  it('a 24 MB PDF is 32 MB of base64: alone it already makes the request too large, and it is named', () => {
    const attachments = on(true, pdf('scan.pdf', 24 * MB));
    const bodyBytes = bodyOf(attachments);
    expect(bodyBytes).toBeGreaterThan(MAX_REQUEST_BYTES);
    expect(requestLimitProblem({ attachments, bodyBytes })).toBe(
      "This request would be 32.0 MB, over the API's 32.0 MB limit (every earlier attachment is sent again with each request). Remove scan.pdf (24.0 MB) from this message.",
    );
  });

  it('names the smallest new file whose removal is enough, counting the earlier ones that are sent again', () => {
    // 28.5 MB of files is 38 MB of base64: 6 MB too many, so mid.pdf (8 MB of base64) is enough, tiny.pdf is not.
    const attachments = [...on(false, pdf('first.pdf', 12 * MB)), ...on(true, pdf('big.pdf', 10 * MB), pdf('mid.pdf', 6 * MB), pdf('tiny.pdf', 0.5 * MB))];
    const problem = requestLimitProblem({ attachments, bodyBytes: bodyOf(attachments) });
    expect(problem).toMatch(/^This request would be 38\.0 MB, over the API's 32\.0 MB limit/);
    expect(problem).toMatch(/Remove mid\.pdf \(6\.0 MB\) from this message\.$/);
  });

  it('names several new files, heaviest first, when no single one is enough', () => {
    const attachments = [...on(false, pdf('first.pdf', 23 * MB)), ...on(true, pdf('a.pdf', 0.6 * MB), pdf('b.pdf', 0.7 * MB), pdf('c.pdf', 0.5 * MB))];
    expect(requestLimitProblem({ attachments, bodyBytes: bodyOf(attachments) })).toMatch(/Remove b\.pdf \(0\.7 MB\), a\.pdf \(0\.6 MB\) from this message\.$/);
  });

  it('says to start a new conversation when the earlier files alone fill the request', () => {
    const attachments = [...on(false, pdf('one.pdf', 12 * MB), pdf('two.pdf', 13 * MB)), ...on(true, pdf('new.pdf', 1 * MB))];
    expect(requestLimitProblem({ attachments, bodyBytes: bodyOf(attachments) })).toMatch(
      /The files already in this conversation \(two\.pdf \(13\.0 MB\), one\.pdf \(12\.0 MB\)\) leave no room: start a new conversation for this message\.$/,
    );
    const onlyEarlier = on(false, pdf('one.pdf', 12 * MB), pdf('two.pdf', 13 * MB));
    expect(requestLimitProblem({ attachments: onlyEarlier, bodyBytes: bodyOf(onlyEarlier) })).toMatch(/leave no room: start a new conversation\.$/);
  });

  it('counts images across the conversation: at most 100 in one request', () => {
    const earlier = on(false, ...Array.from({ length: 95 }, (_, i) => image(`old-${i}.png`)));
    const fits = [...earlier, ...on(true, ...Array.from({ length: 5 }, (_, i) => image(`new-${i}.png`)))];
    expect(requestLimitProblem({ attachments: fits, bodyBytes: bodyOf(fits) })).toBeNull();
    const over = [...earlier, ...on(true, ...Array.from({ length: 7 }, (_, i) => image(`new-${i}.png`)))];
    expect(requestLimitProblem({ attachments: over, bodyBytes: bodyOf(over) })).toBe(
      'This request would carry 102 images; the API takes at most 100 in one request, earlier messages included. Remove new-0.png, new-1.png from this message.',
    );
  });

  it('counts PDF pages across the conversation: at most 100 in one request', () => {
    const attachments = [...on(false, pdf('old.pdf', 1000, 70)), ...on(true, pdf('long.pdf', 1000, 25), pdf('short.pdf', 1000, 6))];
    expect(requestLimitProblem({ attachments, bodyBytes: bodyOf(attachments) })).toBe(
      'This request would carry 101 PDF pages; the API takes at most 100 in one request, earlier messages included. Remove short.pdf (6 pages) from this message.',
    );
    const fits = [...on(false, pdf('old.pdf', 1000, 70)), ...on(true, pdf('long.pdf', 1000, 30))];
    expect(requestLimitProblem({ attachments: fits, bodyBytes: bodyOf(fits) })).toBeNull();
  });
});

describe('pdfPageCount', () => {
  it('counts page objects, not the page tree, and at least one', () => {
    expect(pdfPageCount(btoa('%PDF-1.4\n<< /Type /Pages /Count 2 >>\n<< /Type /Page >>\n<</Type/Page>>\n'))).toBe(2);
    expect(pdfPageCount(btoa('%PDF-1.4\n'))).toBe(1);
    expect(pdfPageCount('not base64!')).toBe(1);
  });
});

describe('blockBytes', () => {
  it("is the content block's JSON length plus its comma", () => {
    const a = pdf('r.pdf', 300);
    expect(blockBytes(a)).toBe(JSON.stringify({ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: a.data }, title: 'r.pdf' }).length + 1);
  });
});
