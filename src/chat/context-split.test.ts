import { describe, expect, it } from 'vitest';
import { contextSplit } from './context-split';

describe('contextSplit', () => {
  it('splits the exact total in proportion to the text of each part, summing to it', () => {
    const split = contextSplit({ system: 'x'.repeat(400), tools: undefined }, [{ role: 'user', content: 'y'.repeat(400) }], 300);
    expect(split.system + split.history + split.tools + split.thinking + split.attachments).toBe(300);
    expect(split.system).toBe(150);
    expect(split.attachments).toBe(0);
  });

  it('gives attachments what the text does not explain', () => {
    const image = { type: 'image' as const, source: { type: 'base64' as const, media_type: 'image/png' as const, data: 'A'.repeat(100_000) } };
    const split = contextSplit({ system: 'x'.repeat(40) }, [{ role: 'user', content: [image, { type: 'text', text: 'y'.repeat(40) }] }], 1600);
    expect(split.system).toBe(10);
    expect(split.attachments).toBe(1600 - split.system - split.history);
    expect(split.attachments).toBeGreaterThan(1500);
  });

  it('gives no tokens to a system prompt that is not sent', () => {
    expect(contextSplit({}, [{ role: 'user', content: 'hello there' }], 10)).toMatchObject({ system: 0, history: 10 });
  });

  it('counts thinking blocks sent back as thinking', () => {
    const split = contextSplit({}, [{ role: 'assistant', content: [{ type: 'thinking', thinking: 't'.repeat(400), signature: 's' }, { type: 'text', text: 'a'.repeat(40) }] }], 100);
    expect(split.thinking).toBeGreaterThan(split.history);
  });
});
