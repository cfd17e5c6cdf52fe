import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings';
import { countTokensBody, nextRequest, promptKeyOf, requestOptionsFor } from './next-request';

const settings = { ...defaultSettings(['calculator']), system: 'Be brief.', temperature: 0.5, stopSequences: ['END'] };

describe('nextRequest', () => {
  it('is the request Send makes: settings, enabled tools, history and the draft, with the cache breakpoint on its last block', () => {
    const request = nextRequest(settings, [{ id: 'u', parentId: null, createdAt: 0, role: 'user', text: 'earlier' }], { text: 'now', attachments: [] });
    expect(request.options).toMatchObject({ model: settings.model, max_tokens: settings.maxTokens, system: 'Be brief.', stream: true });
    expect(request.options.tools?.map((t) => ('name' in t ? t.name : t.type))).toEqual(['calculator']);
    expect(request.messages).toEqual([
      { role: 'user', content: 'earlier' },
      { role: 'user', content: [{ type: 'text', text: 'now', cache_control: { type: 'ephemeral' } }] },
    ]);
  });

  it('leaves out what count_tokens refuses, and nothing else', () => {
    const request = nextRequest(settings, [], { text: 'hi', attachments: [] });
    const body = countTokensBody(request);
    expect(Object.keys(body).sort()).toEqual(['messages', 'model', 'system', 'tool_choice', 'tools']);
    expect(body.messages).toBe(request.messages);
  });
});

describe('promptKeyOf', () => {
  it('changes with what the cached prefix depends on, and not with max tokens or the messages', () => {
    const key = promptKeyOf(requestOptionsFor(settings));
    expect(promptKeyOf(requestOptionsFor({ ...settings, maxTokens: 10 }))).toBe(key);
    expect(promptKeyOf(requestOptionsFor({ ...settings, system: 'Be long.' }))).not.toBe(key);
    expect(promptKeyOf(requestOptionsFor({ ...settings, model: 'claude-opus-4-6' }))).not.toBe(key);
    expect(promptKeyOf(requestOptionsFor({ ...settings, builtinTools: {} }))).not.toBe(key);
    expect(promptKeyOf(requestOptionsFor({ ...settings, toolChoice: { type: 'any' } }))).not.toBe(key);
    expect(promptKeyOf(requestOptionsFor({ ...settings, thinking: { mode: 'adaptive', effort: 'high' } }))).not.toBe(key);
  });
});
