// The simulator's server tools: tool definitions validated like the API
// (versions, parameter types, betas), fetch and code turns with the documented
// shapes, their errors, pause_turn, the container, and usage counts.
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PromptCache } from './cache';
import { runMessages } from './engine';
import { getArray, getObject, type JsonObject } from './json';
import { body, events, finalUsage, grammarProblems, okSteps, run, startServer, stopReason, userText, type TestServer } from './test-utils';
import type { Step } from './types';

const search = { type: 'web_search_20260209', name: 'web_search' };
const fetchTool = { type: 'web_fetch_20260209', name: 'web_fetch', citations: { enabled: true } };
const code = { type: 'code_execution_20260120', name: 'code_execution' };

function startedBlocks(steps: readonly Step[]): JsonObject[] {
  return events(steps)
    .filter((e) => e.name === 'content_block_start')
    .map((e) => getObject(e.data, 'content_block') ?? {});
}

const types = (steps: readonly Step[]) => startedBlocks(steps).map((b) => b['type']);
const deltaOf = (steps: readonly Step[]) => getObject(events(steps).find((e) => e.name === 'message_delta')?.data ?? {}, 'delta') ?? {};

function errorOf(bodyText: string, betas: string[] = []): string {
  const result = runMessages(bodyText, '2023-06-01', new PromptCache(), 1, 1, new Set(betas));
  if (result.kind !== 'error') throw new Error('expected a 400');
  expect(result.error.status).toBe(400);
  return result.error.message;
}

describe('server tool definitions are validated like the API', () => {
  it('accepts the current versions with their options', () => {
    const tools = [
      { ...search, max_uses: 3, allowed_domains: ['example.com'], user_location: { type: 'approximate', city: 'Leeds', country: 'GB', timezone: 'Europe/London' } },
      { ...fetchTool, max_uses: 2, max_content_tokens: 5000 },
      code,
    ];
    expect(run(userText('hi', { tools })).kind).toBe('ok');
  });

  it('rejects an unknown version, a wrong name, an unknown parameter and wrong types', () => {
    expect(errorOf(userText('hi', { tools: [{ type: 'web_search_20990101', name: 'web_search' }] }))).toMatch(/Input tag 'web_search_20990101'.*'web_search_20260209'/);
    expect(errorOf(userText('hi', { tools: [{ ...search, name: 'search' }] }))).toBe("tools.0.web_search_20260209.name: Input should be 'web_search'");
    expect(errorOf(userText('hi', { tools: [{ ...search, max_results: 3 }] }))).toBe('tools.0.web_search_20260209.max_results: Extra inputs are not permitted');
    expect(errorOf(userText('hi', { tools: [{ ...search, max_uses: '3' }] }))).toBe('tools.0.web_search_20260209.max_uses: Input should be a valid integer');
    expect(errorOf(userText('hi', { tools: [{ ...fetchTool, max_content_tokens: 0 }] }))).toBe('tools.0.web_fetch_20260209.max_content_tokens: Input should be greater than 0');
    expect(errorOf(userText('hi', { tools: [{ ...fetchTool, citations: true }] }))).toBe('tools.0.web_fetch_20260209.citations: Input should be a valid dictionary');
    expect(errorOf(userText('hi', { tools: [{ ...search, allowed_domains: ['https://a.com'] }] }))).toMatch(/scheme/);
    expect(errorOf(userText('hi', { tools: [{ ...search, allowed_domains: ['a.com'], blocked_domains: ['b.com'] }] }))).toMatch(/Cannot specify both/);
    expect(errorOf(userText('hi', { tools: [{ ...search, user_location: { type: 'exact' } }] }))).toMatch(/user_location.type/);
    expect(errorOf(userText('hi', { tools: [{ ...code, timeout: 5 }] }))).toMatch(/timeout: Extra inputs/);
  });

  it('asks for the beta header a version still needs, and accepts it when sent', () => {
    const legacy = userText('/sim code', { tools: [{ type: 'code_execution_20250522', name: 'code_execution' }] });
    expect(errorOf(legacy)).toMatch(/anthropic-beta: code-execution-2025-05-22/);
    const ok = runMessages(legacy, '2023-06-01', new PromptCache(), 1, 1, new Set(['code-execution-2025-05-22']));
    expect(ok.kind).toBe('ok');
    // That version runs Python directly: code_execution and its result.
    expect(types(okSteps(ok))).toEqual(['text', 'server_tool_use', 'code_execution_tool_result', 'text']);
  });
});

describe('/sim fetch', () => {
  it('fetches the URL: input streams, the result holds the page as a document, the answer cites it', () => {
    const steps = okSteps(run(userText('/sim fetch https://Docs.example.com/Page', { tools: [fetchTool] })));
    expect(grammarProblems(steps)).toEqual([]);
    expect(types(steps).slice(0, 3)).toEqual(['text', 'server_tool_use', 'web_fetch_tool_result']);
    const partial = events(steps).filter((e) => getObject(e.data, 'delta')?.['type'] === 'input_json_delta').map((e) => String(getObject(e.data, 'delta')?.['partial_json']));
    expect(JSON.parse(partial.join(''))).toEqual({ url: 'https://Docs.example.com/Page' });
    const result = getObject(startedBlocks(steps)[2] ?? {}, 'content') ?? {};
    expect(result).toMatchObject({ type: 'web_fetch_result', url: 'https://Docs.example.com/Page', content: { type: 'document', source: { type: 'text', media_type: 'text/plain' }, citations: { enabled: true } } });
    expect(typeof result['retrieved_at']).toBe('string');
    const citation = events(steps).map((e) => getObject(e.data, 'delta')).find((d) => d?.['type'] === 'citations_delta');
    expect(getObject(citation ?? {}, 'citation')).toMatchObject({ type: 'char_location', document_index: 0 });
    expect(getObject(finalUsage(steps), 'server_tool_use')).toEqual({ web_search_requests: 0, web_fetch_requests: 1 });
  });

  it('without citations asked for, the document has none and the answer cites nothing', () => {
    const steps = okSteps(run(userText('/sim fetch https://example.com/a', { tools: [{ type: 'web_fetch_20260209', name: 'web_fetch' }] })));
    expect(getObject(getObject(startedBlocks(steps)[2] ?? {}, 'content') ?? {}, 'content')?.['citations']).toBeNull();
    expect(events(steps).some((e) => getObject(e.data, 'delta')?.['type'] === 'citations_delta')).toBe(false);
  });

  it.each(['url_not_accessible', 'max_uses_exceeded', 'too_many_requests'])('fails with %s when asked', (code) => {
    const steps = okSteps(run(userText(`/sim fetch https://example.com/a ${code}`, { tools: [fetchTool] })));
    expect(getObject(startedBlocks(steps)[2] ?? {}, 'content')).toEqual({ type: 'web_fetch_tool_result_error', error_code: code });
    expect(finalUsage(steps)['server_tool_use']).toBeUndefined();
  });

  it('refuses a URL outside allowed_domains with url_not_allowed', () => {
    const steps = okSteps(run(userText('/sim fetch https://other.org/x', { tools: [{ ...fetchTool, allowed_domains: ['example.com'] }] })));
    expect(getObject(startedBlocks(steps)[2] ?? {}, 'content')).toEqual({ type: 'web_fetch_tool_result_error', error_code: 'url_not_allowed' });
  });
});

describe('/sim code', () => {
  it('writes a file, runs it with bash, lists the created file, and returns the container', () => {
    const steps = okSteps(run(userText('/sim code', { tools: [code] })));
    expect(grammarProblems(steps)).toEqual([]);
    expect(types(steps)).toEqual(['text', 'server_tool_use', 'text_editor_code_execution_tool_result', 'server_tool_use', 'bash_code_execution_tool_result', 'text']);
    const run5 = getObject(startedBlocks(steps)[4] ?? {}, 'content') ?? {};
    expect(run5).toMatchObject({ type: 'bash_code_execution_result', stderr: '', return_code: 0 });
    expect(String(run5['stdout'])).toContain('mean: 15.86');
    expect(getArray(run5, 'content')?.[0]).toMatchObject({ type: 'bash_code_execution_output' });
    expect(getObject(deltaOf(steps), 'container')?.['id']).toMatch(/^container_/);
  });

  it.each(['execution_time_exceeded', 'too_many_requests'])('fails with %s when asked', (errorCode) => {
    const steps = okSteps(run(userText(`/sim code ${errorCode}`, { tools: [code] })));
    expect(getObject(startedBlocks(steps)[4] ?? {}, 'content')).toEqual({ type: 'bash_code_execution_tool_result_error', error_code: errorCode });
  });

  it('pause ends with pause_turn; the continuation reuses the container and finishes', () => {
    const first = okSteps(run(userText('/sim code pause', { tools: [code] })));
    expect(stopReason(first)).toBe('pause_turn');
    const container = String(getObject(deltaOf(first), 'container')?.['id']);
    const content = startedBlocks(first).map((b) => (b['type'] === 'text' ? { type: 'text', text: 'Running it.' } : b));
    const next = okSteps(run(body({ tools: [code], container, messages: [{ role: 'user', content: '/sim code pause' }, { role: 'assistant', content }] })));
    expect(stopReason(next)).toBe('end_turn');
    expect(getObject(deltaOf(next), 'container')?.['id']).toBe(container);
  });
});

describe('switched-on tools are used on suitable prompts', () => {
  it('a URL with web fetch on, code words with code execution on, news with web search on', () => {
    expect(types(okSteps(run(userText('Summarise https://example.com/post please', { tools: [fetchTool] }))))).toContain('web_fetch_tool_result');
    expect(types(okSteps(run(userText('Run a python script for the standard deviation of 1 2 3', { tools: [code] }))))).toContain('bash_code_execution_tool_result');
    expect(types(okSteps(run(userText('What is the latest on solar panels?', { tools: [search] }))))).toContain('web_search_tool_result');
    expect(types(okSteps(run(userText('What is the latest on solar panels?'))))).not.toContain('web_search_tool_result');
  });

  it('/sim search with an error code returns a search error', () => {
    const steps = okSteps(run(userText('/sim search max_uses_exceeded\ncats', { tools: [search] })));
    expect(getObject(startedBlocks(steps)[2] ?? {}, 'content')).toEqual({ type: 'web_search_tool_result_error', error_code: 'max_uses_exceeded' });
  });
});

describe('the official SDK accepts the server tool streams', () => {
  let server: TestServer;
  let client: Anthropic;
  beforeAll(async () => {
    server = await startServer();
    client = new Anthropic({ apiKey: 'test', baseURL: server.url, maxRetries: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('fetch and code turns accumulate to the documented block shapes, with the container', async () => {
    const fetched = await client.messages.stream({ model: 'claude-opus-4-6', max_tokens: 2048, tools: [fetchTool as Anthropic.Messages.WebFetchTool20260209], messages: [{ role: 'user', content: '/sim fetch https://example.com/a fast' }] }).finalMessage();
    expect(fetched.content.map((b) => b.type)).toContain('web_fetch_tool_result');
    expect(fetched.usage.server_tool_use?.web_fetch_requests).toBe(1);
    const ran = await client.messages.stream({ model: 'claude-opus-4-6', max_tokens: 2048, tools: [code as Anthropic.Messages.CodeExecutionTool20260120], messages: [{ role: 'user', content: '/sim code fast' }] }).finalMessage();
    const use = ran.content.find((b) => b.type === 'server_tool_use');
    expect(use?.type === 'server_tool_use' && use.input).toMatchObject({ command: 'create', path: '/tmp/stats.py' });
    expect(ran.container?.id).toMatch(/^container_/);
  });
});
