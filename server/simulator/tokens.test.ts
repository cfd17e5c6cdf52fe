import { describe, expect, it } from 'vitest';
import { countTokens, tokenize } from './tokens';
import { countInputTokens } from './input-tokens';

describe('tokenize / countTokens', () => {
  it('splits into word pieces of at most 4 letters, with leading whitespace', () => {
    expect(tokenize('Hello, world!')).toEqual(['Hell', 'o', ',', ' worl', 'd', '!']);
    expect(countTokens('Hello, world!')).toBe(6);
  });

  it('round-trips any text exactly, including unicode and trailing whitespace', () => {
    const samples = ['', 'a', '  lead', 'trail  ', 'line\n\n## Head\n- item', 'emoji 🎉 and — dash × sign', '```ts\nconst x = 1;\n```', 'naïve café 東京'];
    for (const s of samples) {
      expect(tokenize(s).join('')).toBe(s);
      expect(countTokens(s)).toBe(tokenize(s).length);
    }
  });

  it('counts input tokens from system, tools and messages', () => {
    const base = { tools: [], system: [], messages: [{ role: 'user' as const, content: [{ type: 'text', text: 'hello' }] }] };
    const plain = countInputTokens(base);
    expect(plain).toBe(3 + 4 + 2); // request + message overheads + "hell" "o"
    const withSystem = countInputTokens({ ...base, system: [{ type: 'text', text: 'Be brief.' }] });
    expect(withSystem).toBeGreaterThan(plain);
    const withTool = countInputTokens({ ...base, tools: [{ name: 'calculator', input_schema: { type: 'object' } }] });
    expect(withTool).toBeGreaterThan(plain + 300);
  });
});
