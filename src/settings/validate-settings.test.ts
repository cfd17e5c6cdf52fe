import { describe, expect, it } from 'vitest';
import { defaultSettings, type ConversationSettings } from './settings';
import { MIN_THINKING_BUDGET, validateSettings } from './validate-settings';

// Sonnet 4.5 accepts a temperature and a thinking budget; Opus 4.7 neither.
const base: ConversationSettings = { ...defaultSettings(['calculator']), model: 'claude-sonnet-4-5' };
const problems = (changes: Partial<ConversationSettings>, tools: readonly string[] = ['calculator'], toolErrors: readonly string[] = []) =>
  validateSettings({ ...base, ...changes }, tools, toolErrors);

describe('validateSettings, one rule at a time', () => {
  it('accepts settings the API takes', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ maxTokens: 1, temperature: 0 })).toEqual([]);
    expect(problems({ temperature: 1 })).toEqual([]);
    expect(problems({ thinking: { mode: 'enabled', budgetTokens: MIN_THINKING_BUDGET }, maxTokens: MIN_THINKING_BUDGET + 1, temperature: 1 })).toEqual([]);
    expect(problems({ thinking: { mode: 'adaptive', effort: 'low' }, model: 'claude-opus-4-6' })).toEqual([]);
    expect(problems({ stopSequences: ['END', ' x '], maxRoundTrips: 1, stallTimeoutSeconds: 1 })).toEqual([]);
    expect(MIN_THINKING_BUDGET).toBe(1024);
  });

  it('max tokens: a whole number of at least 1', () => {
    const message = [{ field: 'maxTokens', message: 'Max tokens must be a whole number of at least 1.' }];
    expect(problems({ maxTokens: 0 })).toEqual(message);
    expect(problems({ maxTokens: -5 })).toEqual(message);
    expect(problems({ maxTokens: 1.5 })).toEqual(message);
  });

  it('temperature: only where the model takes one, between 0 and 1, and exactly 1 with thinking', () => {
    expect(problems({ model: 'claude-opus-4-7', temperature: 0.5, thinking: { mode: 'adaptive', effort: 'high' } })).toEqual([
      { field: 'temperature', message: 'claude-opus-4-7 does not accept a temperature setting.' },
    ]);
    expect(problems({ temperature: 1.01 })).toEqual([{ field: 'temperature', message: 'Temperature must be between 0 and 1.' }]);
    expect(problems({ temperature: -0.01 })).toEqual([{ field: 'temperature', message: 'Temperature must be between 0 and 1.' }]);
    expect(problems({ temperature: 0.7, thinking: { mode: 'enabled', budgetTokens: 2048 } })).toEqual([
      { field: 'temperature', message: 'With extended thinking, temperature can only be 1.' },
    ]);
    expect(problems({ temperature: 0.7, thinking: { mode: 'off' } })).toEqual([]);
  });

  it('thinking: adaptive only where supported, a budget only where supported, at least 1,024 and below max tokens', () => {
    expect(problems({ thinking: { mode: 'adaptive', effort: 'high' } })).toEqual([
      { field: 'thinking', message: 'claude-sonnet-4-5 does not support adaptive thinking; use a thinking budget.' },
    ]);
    expect(problems({ model: 'claude-opus-4-7', thinking: { mode: 'enabled', budgetTokens: 2048 } })).toEqual([
      { field: 'thinking', message: 'claude-opus-4-7 takes adaptive thinking only; choose an effort level instead of a budget.' },
    ]);
    expect(problems({ thinking: { mode: 'enabled', budgetTokens: MIN_THINKING_BUDGET - 1 } })).toEqual([
      { field: 'thinking', message: 'The thinking budget must be at least 1024 tokens.' },
    ]);
    expect(problems({ thinking: { mode: 'enabled', budgetTokens: 4096 }, maxTokens: 4096 })).toEqual([
      { field: 'thinking', message: 'The thinking budget (4096) must be below max tokens (4096).' },
    ]);
    expect(problems({ thinking: { mode: 'enabled', budgetTokens: 4095 }, maxTokens: 4096 })).toEqual([]);
  });

  it('tools: each error of the definitions is a problem of its own', () => {
    expect(problems({}, ['calculator'], ['first is wrong', 'second is wrong'])).toEqual([
      { field: 'tools', message: 'first is wrong' },
      { field: 'tools', message: 'second is wrong' },
    ]);
  });

  it('tool choice: a named tool must be enabled; with thinking only auto or none', () => {
    expect(problems({ toolChoice: { type: 'tool', name: 'nope' } })).toEqual([{ field: 'toolChoice', message: 'Tool choice names "nope", which is not an enabled tool.' }]);
    expect(problems({ toolChoice: { type: 'tool', name: 'calculator' } })).toEqual([]);
    const thinking = { mode: 'enabled', budgetTokens: 2048 } as const;
    const forced = [{ field: 'toolChoice', message: 'Extended thinking only works with tool choice "auto" or "none".' }];
    expect(problems({ thinking, toolChoice: { type: 'any' } })).toEqual(forced);
    expect(problems({ thinking, toolChoice: { type: 'tool', name: 'calculator' } })).toEqual(forced);
    expect(problems({ thinking, toolChoice: { type: 'auto' } })).toEqual([]);
    expect(problems({ thinking, toolChoice: { type: 'none' } })).toEqual([]);
    // Without any tool, forced tool use is not sent at all, so it is no problem.
    expect(problems({ thinking, toolChoice: { type: 'any' } }, [])).toEqual([]);
    expect(problems({ toolChoice: { type: 'any' } })).toEqual([]);
  });

  it('stop sequences cannot be blank', () => {
    expect(problems({ stopSequences: ['END', '  '] })).toEqual([{ field: 'stopSequences', message: 'Stop sequences cannot be blank.' }]);
    expect(problems({ stopSequences: [''] })).toEqual([{ field: 'stopSequences', message: 'Stop sequences cannot be blank.' }]);
  });

  it('the round-trip limit is a whole number of at least 1, the stall timeout at least 1 second', () => {
    const limit = [{ field: 'maxRoundTrips', message: 'The round-trip limit must be at least 1.' }];
    expect(problems({ maxRoundTrips: 0 })).toEqual(limit);
    expect(problems({ maxRoundTrips: 2.5 })).toEqual(limit);
    const stall = [{ field: 'stallTimeout', message: 'The stall timeout must be at least 1 second.' }];
    expect(problems({ stallTimeoutSeconds: 0.5 })).toEqual(stall);
    expect(problems({ stallTimeoutSeconds: Number.NaN })).toEqual(stall);
  });

  it('reports every problem at once, in a fixed order', () => {
    const all = validateSettings(
      { ...base, model: 'claude-opus-4-7', maxTokens: 0, temperature: 0.5, thinking: { mode: 'enabled', budgetTokens: 10 }, toolChoice: { type: 'tool', name: 'x' }, stopSequences: [' '], maxRoundTrips: 0, stallTimeoutSeconds: 0 },
      ['calculator'],
      ['bad tool'],
    );
    expect(all.map((p) => p.field)).toEqual(['maxTokens', 'temperature', 'thinking', 'thinking', 'thinking', 'tools', 'toolChoice', 'toolChoice', 'stopSequences', 'maxRoundTrips', 'stallTimeout']);
  });

  it("uses the capabilities the models list reports over the id's rules", () => {
    expect(validateSettings({ ...base, model: 'claude-opus-4-7', thinking: { mode: 'enabled', budgetTokens: 2048 } }, [], [], { manualThinking: true })).toEqual([]);
    expect(validateSettings({ ...base, thinking: { mode: 'adaptive', effort: 'max' } }, [], [], { adaptiveThinking: true })).toEqual([]);
  });
});
