// The size and the attachments of the request a new message would send: the
// whole conversation so far plus the message being written. Pure.
import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';
import type { Attachment, RequestShape } from '../attachments';
import type { RequestOptions } from '../settings';
import type { ChatMessage } from '../store';
import { toApiMessages, withCacheBreakpoint } from './api-messages';

/**
 * The request body's size in bytes, as the transport serialises it. Base64
 * data is counted by its length (it is ASCII and needs no escaping in JSON),
 * so a 32 MB body is measured without building a second 32 MB string.
 */
export function requestBodyBytes(options: RequestOptions, messages: readonly MessageParam[]): number {
  let dataBytes = 0;
  const light = messages.map((message) => {
    if (typeof message.content === 'string') return message;
    return {
      ...message,
      content: message.content.map((block) => {
        if ((block.type === 'image' || block.type === 'document') && block.source.type === 'base64') {
          dataBytes += block.source.data.length;
          return { ...block, source: { ...block.source, data: '' } };
        }
        return block;
      }),
    };
  });
  return new TextEncoder().encode(JSON.stringify({ ...options, messages: light })).length + dataBytes;
}

/** The request sending `pending` would make after `transcript` (the visible path). */
export function nextRequestShape(transcript: readonly ChatMessage[], pending: readonly Attachment[], text: string, options: RequestOptions, promptCaching: boolean): RequestShape {
  const draft: ChatMessage = { id: 'pending', parentId: null, createdAt: 0, role: 'user', text, ...(pending.length > 0 ? { attachments: pending } : {}) };
  const earlier = transcript.flatMap((m) => (m.role === 'user' ? (m.attachments ?? []) : [])).map((attachment) => ({ attachment, pending: false }));
  const messages = toApiMessages([...transcript, draft]);
  return {
    attachments: [...earlier, ...pending.map((attachment) => ({ attachment, pending: true }))],
    bodyBytes: requestBodyBytes(options, promptCaching ? withCacheBreakpoint(messages) : messages),
  };
}
