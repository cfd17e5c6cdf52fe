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
