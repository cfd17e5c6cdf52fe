import { describe, expect, it } from 'vitest';
import { parseDirective } from './directives';

const user = (text: string) => [{ role: 'user' as const, content: [{ type: 'text', text }] }];

describe('/sim directives', () => {
  it('read a pace in tokens per second anywhere in the line, bounded', () => {
    expect(parseDirective(user('/sim long 300 1000tps'))).toMatchObject({ scenario: { name: 'long', tokens: 300 }, fast: false, tokensPerSecond: 1000 });
    expect(parseDirective(user('/sim 200tps'))).toMatchObject({ scenario: { name: 'help' }, tokensPerSecond: 200 });
    expect(parseDirective(user('/sim long 300')).tokensPerSecond).toBeNull();
    expect(parseDirective(user('/sim long 300 0tps')).tokensPerSecond).toBe(1);
    expect(parseDirective(user('hello 100tps')).tokensPerSecond).toBeNull();
  });
});
