// count_tokens must agree with the prompt the Messages endpoint then reports
// for the same request: the app's forecast (issue 20) shows one and the
// usage panel the other, so any drift between them would show as a wrong
// forecast. Checked on the request shapes the app sends.
import { describe, expect, it } from 'vitest';
import { PromptCache } from './cache';
import { runCountTokens } from './engine';
import { getObject } from './json';
import { events, okSteps, run } from './test-utils';

const tools = [
  { name: 'calculator', description: 'Evaluates arithmetic.', input_schema: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] } },
  { type: 'web_search_20250305', name: 'web_search', max_uses: 3 },
];
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const history = [
  { role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_1X1 } }, { type: 'text', text: 'What is 2+2?' }] },
  { role: 'assistant', content: [{ type: 'text', text: 'Let me work it out.' }, { type: 'tool_use', id: 'toolu_01', name: 'calculator', input: { expression: '2+2' } }] },
  { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01', content: '4' }] },
  { role: 'assistant', content: [{ type: 'text', text: 'It is 4.' }] },
];

/** The app's request: caching puts a breakpoint on the last block of the last message. */
function request(question: string, caching: boolean) {
  const last = { type: 'text', text: question, ...(caching ? { cache_control: { type: 'ephemeral' } } : {}) };
  return {
    model: 'claude-opus-4-6',
    system: 'You answer briefly.',
    tools,
    tool_choice: { type: 'auto' },
    thinking: { type: 'adaptive', display: 'summarized' },
    output_config: { effort: 'medium' },
    messages: [...history, { role: 'user', content: [last] }],
  };
}

function promptOf(body: Record<string, unknown>, cache: PromptCache) {
  const steps = okSteps(run(JSON.stringify({ ...body, max_tokens: 32000, stream: true }), 1, cache));
  const usage = getObject(getObject(events(steps)[0]?.data ?? {}, 'message') ?? {}, 'usage') ?? {};
  const n = (key: string) => Number(usage[key] ?? 0);
  return { input: n('input_tokens'), prompt: n('input_tokens') + n('cache_creation_input_tokens') + n('cache_read_input_tokens'), read: n('cache_read_input_tokens') };
}

function counted(body: Record<string, unknown>): number {
  const result = runCountTokens(JSON.stringify(body), '2023-06-01');
  if (result.kind === 'error') throw new Error(result.error.message);
  return result.inputTokens;
}

describe('count_tokens agrees with the Messages usage', () => {
  it('with caching off: count_tokens equals input_tokens', () => {
    const body = request('And 3+3?', false);
    const usage = promptOf(body, new PromptCache());
    expect(usage.prompt).toBe(usage.input);
    expect(counted(body)).toBe(usage.input);
  });

  it('with caching on: count_tokens equals the prompt (input + cache write + cache read), first and second turn', () => {
    const cache = new PromptCache();
    const first = request('And 3+3?', true);
    expect(counted(first)).toBe(promptOf(first, cache).prompt);
    // The next turn reads the first one's prefix back and still adds up to count_tokens.
    const second = { ...first, messages: [...first.messages, { role: 'assistant', content: 'Six.' }, { role: 'user', content: [{ type: 'text', text: 'Thanks!', cache_control: { type: 'ephemeral' } }] }] };
    const usage = promptOf(second, cache);
    expect(usage.read).toBeGreaterThan(0);
    expect(counted(second)).toBe(usage.prompt);
  });
});
