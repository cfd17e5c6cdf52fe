// The official SDK is the oracle: whatever it accepts from the real API it
// must accept from the simulator, with the same results.
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './test-utils';

let server: TestServer;
let client: Anthropic;

beforeAll(async () => {
  server = await startServer();
  client = new Anthropic({ apiKey: 'test', baseURL: server.url, maxRetries: 0 });
});

afterAll(async () => {
  await server.close();
});

const model = 'claude-opus-4-6';
const calculator = { name: 'calculator', description: 'Evaluate arithmetic', input_schema: { type: 'object' as const, properties: { expression: { type: 'string' } }, required: ['expression'] } };

describe('official SDK against the simulator', () => {
  it('stream().finalMessage() text equals the concatenated deltas, and usage matches', async () => {
    const stream = client.messages.stream({ model, max_tokens: 1024, messages: [{ role: 'user', content: 'hello, how do caches work?' }] });
    let deltas = '';
    stream.on('text', (t) => {
      deltas += t;
    });
    const message = await stream.finalMessage();
    const block = message.content[0];
    expect(block?.type).toBe('text');
    expect(block?.type === 'text' ? block.text : '').toBe(deltas);
    expect(deltas.length).toBeGreaterThan(100);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.output_tokens).toBeGreaterThan(100);
    expect(message.id).toMatch(/^msg_/);
    const counted = await client.messages.countTokens({ model, messages: [{ role: 'user', content: 'hello, how do caches work?' }] });
    expect(counted.input_tokens).toBe(message.usage.input_tokens);
  });

  it('messages.create() without streaming returns the same message content', async () => {
    const params = { model, max_tokens: 1024, messages: [{ role: 'user' as const, content: 'Explain retries' }] };
    const created = await client.messages.create(params);
    const streamed = await client.messages.stream(params).finalMessage();
    expect(created.type).toBe('message');
    expect(created.content).toEqual(streamed.content);
    expect(created.usage).toEqual(streamed.usage);
    expect(created.stop_reason).toBe('end_turn');
  });

  it('a tool round trip works end to end', async () => {
    const first = await client.messages.stream({ model, max_tokens: 1024, tools: [calculator], messages: [{ role: 'user', content: '/sim tool\nWhat is 17 * 23?' }] }).finalMessage();
    expect(first.stop_reason).toBe('tool_use');
    const use = first.content.find((b) => b.type === 'tool_use');
    expect(use?.type === 'tool_use' ? use.input : null).toEqual({ expression: '17 * 23' });
    if (use?.type !== 'tool_use') throw new Error('no tool_use');
    const second = await client.messages.create({
      model,
      max_tokens: 1024,
      tools: [calculator],
      messages: [
        { role: 'user', content: '/sim tool\nWhat is 17 * 23?' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: '391' }] },
      ],
    });
    const text = second.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
    expect(text).toContain('391');
  });

  it('thinking and search scenarios assemble into the expected blocks', async () => {
    const thinking = await client.messages.stream({ model, max_tokens: 4096, thinking: { type: 'adaptive', display: 'summarized' }, messages: [{ role: 'user', content: 'Why is the sky blue?' }] }).finalMessage();
    expect(thinking.content.map((b) => b.type).filter((t) => t !== 'redacted_thinking')).toEqual(['thinking', 'text']);
    const t = thinking.content[0];
    expect(t?.type === 'thinking' && t.signature.length > 0 && t.thinking.length > 0).toBe(true);
    const search = await client.messages.stream({ model, max_tokens: 4096, messages: [{ role: 'user', content: '/sim search\npizza' }] }).finalMessage();
    expect(search.content.some((b) => b.type === 'text' && (b.citations?.length ?? 0) > 0)).toBe(true);
    expect(search.usage.server_tool_use?.web_search_requests).toBe(1);
  });

  it.each([
    [429, Anthropic.RateLimitError],
    [401, Anthropic.AuthenticationError],
    [403, Anthropic.PermissionDeniedError],
    [404, Anthropic.NotFoundError],
    [400, Anthropic.BadRequestError],
    [500, Anthropic.InternalServerError],
    [529, Anthropic.InternalServerError],
  ])('/sim error %i surfaces as the matching SDK error class', async (status, ErrorClass) => {
    const call = client.messages.create({ model, max_tokens: 100, messages: [{ role: 'user', content: `/sim error ${status}` }] });
    const error: unknown = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    if (error instanceof Anthropic.APIError) {
      expect(error.status).toBe(status);
      expect(error.requestID).toMatch(/^req_/);
      if (status === 429) expect(error.headers?.get('retry-after')).toBe('2');
    }
  });

  it('a midstream error rejects the stream with the overloaded error', async () => {
    const stream = client.messages.stream({ model, max_tokens: 1024, messages: [{ role: 'user', content: '/sim midstream-error' }] });
    let text = '';
    stream.on('text', (t) => {
      text += t;
    });
    const error: unknown = await stream.finalMessage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(String(error)).toMatch(/overloaded_error/);
    expect(text.length).toBeGreaterThan(0);
  });

  it('unknown events and blocks are passed through, and models list/retrieve work', async () => {
    const message = await client.messages.stream({ model, max_tokens: 4096, messages: [{ role: 'user', content: '/sim unknown-event' }] }).finalMessage();
    expect(message.content.map((b) => String(b.type))).toEqual(['text', 'sim_hologram', 'text']);
    const page = await client.models.list({ limit: 5 });
    expect(page.data).toHaveLength(5);
    expect((await client.models.retrieve('claude-opus-4-7')).display_name).toBe('Claude Opus 4.7');
  });
});
