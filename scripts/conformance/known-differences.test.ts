import { describe, expect, it } from 'vitest';
import { differenceBeforeUnreadable, malformedEvents, type UnreadableEvent } from './known-differences';

const textEvent: UnreadableEvent = { name: 'content_block_delta', index: 0, field: 'text' };
const message = (text: unknown) => ({ content: [{ type: 'text', text }] });

describe('differenceBeforeUnreadable', () => {
  it('passes when the SDK text before the unreadable event begins ours', () => {
    const notes = new Set<string>();
    expect(differenceBeforeUnreadable(message('Good question. Let me'), message('Good ques'), [textEvent], notes)).toBeNull();
    expect(notes.size).toBe(0);
  });

  it('names the field when ours lost text the SDK had received before the event', () => {
    const problem = differenceBeforeUnreadable(message('tion. Let me'), message('Good ques'), [textEvent], new Set());
    expect(problem).toMatch(/^content\[0\]\.text: the SDK had "Good ques" \(9 chars\)/);
  });

  it('names the field when ours has no text there at all', () => {
    expect(differenceBeforeUnreadable({ content: [] }, message('Good ques'), [textEvent], new Set())).toMatch(/^content\[0\]\.text:/);
  });

  it('leaves a field that is not text to the comparison in full, and says so', () => {
    const notes = new Set<string>();
    const input: UnreadableEvent = { name: 'content_block_delta', index: 0, field: 'input' };
    expect(differenceBeforeUnreadable({ content: [{ input: { a: 1 } }] }, { content: [{ input: { a: 1 } }] }, [input], notes)).toBeNull();
    expect([...notes]).toEqual(['content[0].input: not text, so compared in full only (no prefix check against the SDK as sent)']);
  });
});

describe('malformedEvents', () => {
  it('names the block and field an unreadable delta was for', () => {
    const stream = 'event: content_block_delta\ndata: {"type":"content_block_delta","index":2,"delta":{"type":"text_delta","text":"\n\nevent: ping\ndata: {"type":"ping"}\n\n';
    expect(malformedEvents(stream)).toEqual([{ name: 'content_block_delta', index: 2, field: 'text' }]);
  });
});
