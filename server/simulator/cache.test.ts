import { describe, expect, it } from 'vitest';
import { PromptCache } from './cache';
import { runCountTokens } from './engine';
import { getObject } from './json';
import { body, events, okSteps, run } from './test-utils';

const longSystem = 'You are a meticulous assistant. '.repeat(60);

function startUsage(bodyText: string, cache: PromptCache) {
  const steps = okSteps(run(bodyText, 1, cache));
  return getObject(getObject(events(steps)[0]?.data ?? {}, 'message') ?? {}, 'usage') ?? {};
}

describe('prompt caching', () => {
  it('writes the marked prefix first, then reads it when a later request repeats it', () => {
    const cache = new PromptCache();
    const system = [{ type: 'text', text: longSystem, cache_control: { type: 'ephemeral' } }];
    const first = body({ system, messages: [{ role: 'user', content: 'first question' }] });
    const second = body({ system, messages: [{ role: 'user', content: 'a different question' }] });
    const u1 = startUsage(first, cache);
    expect(Number(u1['cache_creation_input_tokens'])).toBeGreaterThan(200);
    expect(u1['cache_read_input_tokens']).toBe(0);
    expect(getObject(u1, 'cache_creation')?.['ephemeral_5m_input_tokens']).toBe(u1['cache_creation_input_tokens']);
    const u2 = startUsage(second, cache);
    expect(u2['cache_read_input_tokens']).toBe(u1['cache_creation_input_tokens']);
    expect(u2['cache_creation_input_tokens']).toBe(0);
  });

  it('reads the conversation cached last turn when the breakpoint moves to the newest message', () => {
    const cache = new PromptCache();
    const marked = (text: string) => [{ type: 'text', text, cache_control: { type: 'ephemeral' } }];
    const turn1 = body({ system: longSystem, messages: [{ role: 'user', content: marked('first question') }] });
    const turn2 = body({
      system: longSystem,
      messages: [
        { role: 'user', content: 'first question' },
        { role: 'assistant', content: 'first answer' },
        { role: 'user', content: marked('second question') },
      ],
    });
    const u1 = startUsage(turn1, cache);
    const u2 = startUsage(turn2, cache);
    expect(u2['cache_read_input_tokens']).toBe(u1['cache_creation_input_tokens']);
    expect(Number(u2['cache_creation_input_tokens'])).toBeGreaterThan(0);
  });

  it('keeps input + cache fields equal to count_tokens', () => {
    const cache = new PromptCache();
    const req = { system: [{ type: 'text', text: longSystem, cache_control: { type: 'ephemeral', ttl: '1h' } }], messages: [{ role: 'user', content: 'hello' }] };
    const u = startUsage(body(req), cache);
    const counted = runCountTokens(JSON.stringify({ model: 'claude-opus-4-6', ...req }), '2023-06-01');
    const total = Number(u['input_tokens']) + Number(u['cache_creation_input_tokens']) + Number(u['cache_read_input_tokens']);
    expect(counted).toEqual({ kind: 'ok', inputTokens: total });
    expect(getObject(u, 'cache_creation')?.['ephemeral_1h_input_tokens']).toBe(u['cache_creation_input_tokens']);
  });

  it('supports top-level automatic caching and expires entries', () => {
    let now = 0;
    const cache = new PromptCache(() => now);
    const req = body({ cache_control: { type: 'ephemeral' }, messages: [{ role: 'user', content: 'same prompt' }] });
    expect(Number(startUsage(req, cache)['cache_creation_input_tokens'])).toBeGreaterThan(0);
    expect(Number(startUsage(req, cache)['cache_read_input_tokens'])).toBeGreaterThan(0);
    now += 301_000;
    expect(startUsage(req, cache)['cache_read_input_tokens']).toBe(0);
  });

  it('rejects more than 4 breakpoints', () => {
    const cc = { type: 'ephemeral' };
    const system = [1, 2, 3, 4, 5].map((i) => ({ type: 'text', text: `part ${i}`, cache_control: cc }));
    const result = run(body({ system, messages: [{ role: 'user', content: 'hi' }] }));
    expect(result.kind === 'error' && result.error.message).toMatch(/A maximum of 4 blocks with cache_control/);
  });
});
