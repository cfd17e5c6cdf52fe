// The official SDK, pointed at the running app's /api, works through the proxy.
import Anthropic from '@anthropic-ai/sdk';
import { expect, test } from '@playwright/test';

test('the official SDK streams a message from the simulator through /api', async ({ baseURL }) => {
  const client = new Anthropic({ apiKey: 'not-a-real-key', baseURL: `${baseURL}/api`, maxRetries: 0 });
  const stream = client.messages.stream({ model: 'claude-sonnet-5-5', max_tokens: 512, messages: [{ role: 'user', content: 'hello' }] });
  let deltas = '';
  stream.on('text', (delta) => {
    deltas += delta;
  });
  const final = await stream.finalMessage();
  const text = final.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
  expect(deltas.length).toBeGreaterThan(0);
  expect(text).toBe(deltas);
  expect(final.stop_reason).toBe('end_turn');
  expect(final.usage.output_tokens).toBeGreaterThan(0);
});

test('the SDK lists models and counts tokens through /api', async ({ baseURL }) => {
  const client = new Anthropic({ apiKey: 'not-a-real-key', baseURL: `${baseURL}/api`, maxRetries: 0 });
  const page = await client.models.list();
  expect(page.data.length).toBeGreaterThan(0);
  const count = await client.messages.countTokens({ model: page.data[0]?.id ?? '', messages: [{ role: 'user', content: 'hello' }] });
  expect(count.input_tokens).toBeGreaterThan(0);
});

const CALCULATOR = {
  name: 'calculator',
  description: 'Evaluates an arithmetic expression.',
  input_schema: { type: 'object' as const, properties: { expression: { type: 'string' } }, required: ['expression'] },
};
const SEARCH = { type: 'web_search_20250305' as const, name: 'web_search' as const };

const STREAM_SCENARIOS: ReadonlyArray<{ readonly command: string; readonly stop: string; readonly extra?: Record<string, unknown>; readonly block?: string }> = [
  { command: '/sim long 400 fast', stop: 'end_turn' },
  { command: '/sim thinking fast', stop: 'end_turn', extra: { model: 'claude-opus-4-5', thinking: { type: 'enabled', budget_tokens: 1024 }, max_tokens: 4096 }, block: 'thinking' },
  { command: '/sim tool fast', stop: 'tool_use', extra: { tools: [CALCULATOR] }, block: 'tool_use' },
  { command: '/sim parallel-tools fast', stop: 'tool_use', extra: { tools: [CALCULATOR] }, block: 'tool_use' },
  { command: '/sim search fast', stop: 'end_turn', extra: { tools: [SEARCH] }, block: 'web_search_tool_result' },
  { command: '/sim pause-turn fast', stop: 'pause_turn', extra: { tools: [SEARCH] }, block: 'server_tool_use' },
  { command: '/sim max-tokens fast', stop: 'max_tokens', extra: { max_tokens: 30 } },
  { command: '/sim stop-sequence fast', stop: 'stop_sequence', extra: { stop_sequences: ['STOP'] } },
  { command: '/sim refusal fast', stop: 'refusal' },
  { command: '/sim unknown-event fast', stop: 'end_turn' },
];

test('every scenario through /api with the SDK, streaming and not', async ({ baseURL }) => {
  const client = new Anthropic({ apiKey: 'not-a-real-key', baseURL: `${baseURL}/api`, maxRetries: 0 });
  for (const scenario of STREAM_SCENARIOS) {
    const params = { model: 'claude-sonnet-5-5', max_tokens: 1024, messages: [{ role: 'user' as const, content: scenario.command }], ...scenario.extra } as Parameters<typeof client.messages.create>[0];
    const streamed = await client.messages.stream(params as Parameters<typeof client.messages.stream>[0]).finalMessage();
    expect(streamed.stop_reason, scenario.command).toBe(scenario.stop);
    expect(streamed.usage.output_tokens, scenario.command).toBeGreaterThan(0);
    if (scenario.block !== undefined) expect(streamed.content.map((b) => b.type), scenario.command).toContain(scenario.block);
    const created = await client.messages.create({ ...params, stream: false });
    expect(created.stop_reason, scenario.command).toBe(scenario.stop);
    expect(created.content.length, scenario.command).toBe(streamed.content.length);
  }
});

test('HTTP errors surface as the SDK error classes, with retry-after readable', async ({ baseURL }) => {
  const client = new Anthropic({ apiKey: 'not-a-real-key', baseURL: `${baseURL}/api`, maxRetries: 0 });
  const expected: ReadonlyArray<readonly [number, new (...args: never[]) => Error]> = [
    [400, Anthropic.BadRequestError],
    [401, Anthropic.AuthenticationError],
    [403, Anthropic.PermissionDeniedError],
    [404, Anthropic.NotFoundError],
    [429, Anthropic.RateLimitError],
    [500, Anthropic.InternalServerError],
    [529, Anthropic.InternalServerError],
  ];
  for (const [status, ErrorClass] of expected) {
    const error = await client.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 64, messages: [{ role: 'user', content: `/sim error ${status}` }] }).catch((e: unknown) => e);
    expect(error, String(status)).toBeInstanceOf(ErrorClass);
    expect((error as InstanceType<typeof Anthropic.APIError>).status).toBe(status);
    if (status === 429) expect((error as InstanceType<typeof Anthropic.APIError>).headers?.get('retry-after')).toMatch(/^\d+$/);
  }
  const tooLarge = await client.messages.create({ model: 'claude-sonnet-5-5', max_tokens: 64, messages: [{ role: 'user', content: '/sim error 413' }] }).catch((e: unknown) => e);
  expect((tooLarge as InstanceType<typeof Anthropic.APIError>).status).toBe(413);
  const midstream = await client.messages.stream({ model: 'claude-sonnet-5-5', max_tokens: 512, messages: [{ role: 'user', content: '/sim midstream-error fast' }] }).finalMessage().catch((e: unknown) => e);
  expect(midstream).toBeInstanceOf(Anthropic.APIError);
  expect(String(midstream)).toMatch(/overloaded/i);
});
