import { describe, expect, it } from 'vitest';
import type { Attachment } from '../attachments';
import { defaultSettings, toRequestOptions } from '../settings';
import type { ChatMessage } from '../store';
import { toApiMessages, withCacheBreakpoint } from './api-messages';
import { nextRequestShape, requestBodyBytes } from './request-size';

const file = (id: string, kind: 'image' | 'document', data: string): Attachment => ({
  id,
  kind,
  name: `${id}.${kind === 'image' ? 'png' : 'pdf'}`,
  mediaType: kind === 'image' ? 'image/png' : 'application/pdf',
  size: (data.length * 3) / 4,
  data,
});
const earlier = file('earlier', 'document', btoa('%PDF-1.4 << /Type /Page >> %%EOF'));
const transcript: ChatMessage[] = [
  { id: 'u1', parentId: null, createdAt: 1, role: 'user', text: 'Read this — “quoted” ünïcode', attachments: [earlier] },
  { id: 'n1', parentId: 'u1', createdAt: 2, role: 'notice', text: 'not sent' },
];

describe('requestBodyBytes', () => {
  it('equals the UTF-8 length of the body the transport sends, attachments and non-ASCII text included', () => {
    const options = toRequestOptions({ ...defaultSettings(), system: 'Système: “be brief”' }, []);
    const messages = toApiMessages(transcript);
    expect(requestBodyBytes(options, messages)).toBe(new TextEncoder().encode(JSON.stringify({ ...options, messages })).length);
  });
});

describe('nextRequestShape', () => {
  it('counts every earlier attachment again, and the new ones as removable', () => {
    const pending = file('new', 'image', 'iVBORw0KGgo=');
    const options = toRequestOptions(defaultSettings(), []);
    const shape = nextRequestShape(transcript, [pending], '', options, true);
    expect(shape.attachments).toEqual([
      { attachment: earlier, pending: false },
      { attachment: pending, pending: true },
    ]);
    const sent = withCacheBreakpoint(toApiMessages([...transcript, { id: 'p', parentId: null, createdAt: 3, role: 'user', text: '', attachments: [pending] }]));
    expect(shape.bodyBytes).toBe(new TextEncoder().encode(JSON.stringify({ ...options, messages: sent })).length);
  });
});
