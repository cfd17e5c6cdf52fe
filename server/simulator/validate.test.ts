import { describe, expect, it } from 'vitest';
import { parseVersion, validateRequest } from './validate';
import type { ApiVersion } from './types';

function errorOf(fields: Record<string, unknown>, version: ApiVersion = '2023-06-01', endpoint: 'messages' | 'count_tokens' = 'messages') {
  const result = validateRequest(JSON.stringify(fields), version, endpoint);
  if (result.ok) throw new Error('expected a validation error');
  return result.error;
}

const user = (content: unknown) => ({ role: 'user', content });
const assistant = (content: unknown) => ({ role: 'assistant', content });
const base = { model: 'claude-opus-4-6', max_tokens: 1024, messages: [user('hi')] };

describe('validateRequest', () => {
  it('accepts a minimal request on both versions', () => {
    expect(validateRequest(JSON.stringify(base), '2023-06-01', 'messages').ok).toBe(true);
    expect(validateRequest(JSON.stringify(base), '2026-10-21', 'messages').ok).toBe(true);
  });

  it.each([
    ['model', 'model: Field required'],
    ['max_tokens', 'max_tokens: Field required'],
    ['messages', 'messages: Field required'],
  ])('rejects a missing %s', (field, message) => {
    const fields: Record<string, unknown> = { ...base };
    delete fields[field];
    const err = errorOf(fields);
    expect(err).toMatchObject({ status: 400, type: 'invalid_request_error', message });
  });

  it('rejects empty messages and a first message not from the user', () => {
    expect(errorOf({ ...base, messages: [] }).message).toBe('messages: at least one message is required');
    expect(errorOf({ ...base, model: 'claude-sonnet-4-5', messages: [assistant('hi'), user('x')] }).message).toMatch(/first message must use the "user" role/);
  });

  it('rejects invalid JSON and unknown top-level fields', () => {
    const bad = validateRequest('{"model":', '2023-06-01', 'messages');
    expect(bad.ok).toBe(false);
    expect(errorOf({ ...base, foo: 1 }).message).toBe('foo: Extra inputs are not permitted');
  });

  it('rejects a tool_result without a matching tool_use', () => {
    const err = errorOf({ ...base, messages: [user([{ type: 'tool_result', tool_use_id: 'toolu_x', content: '4' }])] });
    expect(err.message).toMatch(/unexpected `tool_use_id` found in `tool_result` blocks: toolu_x/);
  });

  it('rejects a tool_use that is not answered by the next user message', () => {
    const err = errorOf({
      ...base,
      messages: [user('calc'), assistant([{ type: 'tool_use', id: 'toolu_1', name: 'calculator', input: {} }]), user('never mind')],
    });
    expect(err.message).toMatch(/tool_use` ids were found without `tool_result` blocks/);
  });

  it('requires thinking budget_tokens below max_tokens (and at least 1024)', () => {
    expect(errorOf({ ...base, thinking: { type: 'enabled', budget_tokens: 1024 } }).message).toMatch(/`max_tokens` must be greater than `thinking.budget_tokens`/);
    expect(errorOf({ ...base, max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 100 } }).message).toMatch(/greater than or equal to 1024/);
  });

  it('rejects temperature, top_p and top_k on 2026-10-21 only', () => {
    for (const key of ['temperature', 'top_p', 'top_k']) {
      expect(errorOf({ ...base, [key]: key === 'top_k' ? 5 : 0.5 }, '2026-10-21').message).toMatch(new RegExp(`^${key}: this parameter was removed`));
      expect(validateRequest(JSON.stringify({ ...base, model: 'claude-sonnet-4-5', [key]: key === 'top_k' ? 5 : 0.5 }), '2023-06-01', 'messages').ok).toBe(true);
    }
  });

  it('applies per-model rules: prefill, temperature, adaptive thinking', () => {
    const prefill = { ...base, messages: [user('hi'), assistant('Sure,')] };
    expect(errorOf(prefill).message).toMatch(/does not support assistant message prefill/);
    expect(validateRequest(JSON.stringify({ ...prefill, model: 'claude-sonnet-4-5' }), '2023-06-01', 'messages').ok).toBe(true);
    expect(errorOf({ ...base, model: 'claude-opus-4-7', temperature: 0.2 }).message).toMatch(/does not support setting temperature/);
    expect(validateRequest(JSON.stringify({ ...base, model: 'claude-opus-4-7', temperature: 1 }), '2023-06-01', 'messages').ok).toBe(true);
    expect(validateRequest(JSON.stringify({ ...base, temperature: 0.2 }), '2023-06-01', 'messages').ok).toBe(true);
    expect(errorOf({ ...base, model: 'claude-haiku-4-5', thinking: { type: 'adaptive' } }).message).toMatch(/'adaptive' is not supported/);
    expect(errorOf({ ...base, model: 'claude-opus-4-7', max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 2000 } }).message).toMatch(/thinking.type.enabled is not supported/);
  });

  it('honours thinking display with the per-model default', () => {
    const display = (model: string, thinking: Record<string, unknown>) => {
      const r = validateRequest(JSON.stringify({ ...base, model, thinking }), '2023-06-01', 'messages');
      return r.ok && r.request.thinking.mode !== 'off' ? r.request.thinking.display : 'error';
    };
    expect(display('claude-opus-4-6', { type: 'adaptive' })).toBe('summarized');
    expect(display('claude-opus-4-7', { type: 'adaptive' })).toBe('omitted');
    expect(display('claude-opus-4-7', { type: 'adaptive', display: 'summarized' })).toBe('summarized');
  });

  it('answers 404 not_found_error for an unknown model', () => {
    expect(errorOf({ ...base, model: 'claude-nope-1' })).toMatchObject({ status: 404, type: 'not_found_error', message: 'model: claude-nope-1' });
  });

  it('count_tokens has no max_tokens and accepts a trailing assistant message', () => {
    const r = validateRequest(JSON.stringify({ model: 'claude-opus-4-6', messages: [user('hi'), assistant('x')] }), '2023-06-01', 'count_tokens');
    expect(r.ok).toBe(true);
    expect(errorOf({ ...base }, '2023-06-01', 'count_tokens').message).toBe('max_tokens: Extra inputs are not permitted');
  });

  it('validates tools and tool_choice', () => {
    expect(errorOf({ ...base, tools: [{ name: 'calc' }] }).message).toMatch(/input_schema: Field required/);
    expect(errorOf({ ...base, tools: [{ name: 'a', input_schema: { type: 'object' } }], tool_choice: { type: 'tool', name: 'b' } }).message).toMatch(/Tool 'b' not found/);
    expect(
      errorOf({ ...base, max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 2000 }, tools: [{ name: 'a', input_schema: { type: 'object' } }], tool_choice: { type: 'any' } }).message,
    ).toMatch(/Thinking may not be enabled when tool_choice forces tool use/);
  });
});

describe('parseVersion', () => {
  it('defaults a missing header to 2023-06-01 and rejects unknown versions', () => {
    expect(parseVersion(undefined)).toBe('2023-06-01');
    expect(parseVersion('2026-10-21')).toBe('2026-10-21');
    expect(parseVersion('1999-01-01')).toMatchObject({ status: 400 });
  });
});
