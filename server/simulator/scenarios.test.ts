import { describe, expect, it } from 'vitest';
import { getObject, type JsonObject } from './json';
import { streamText } from './sse';
import { countTokens } from './tokens';
import { body, deltaText, events, finalUsage, grammarProblems, okSteps, run, stopReason, sumStepTokens, userText } from './test-utils';

const calculator = { name: 'calculator', description: 'Evaluate arithmetic', input_schema: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] } };
const getTime = { name: 'get_time', input_schema: { type: 'object', properties: { timezone: { type: 'string', enum: ['UTC', 'Europe/Paris'] } }, required: ['timezone'] } };

function blockTypes(steps: ReturnType<typeof okSteps>): string[] {
  return events(steps)
    .filter((e) => e.name === 'content_block_start')
    .map((e) => String(getObject(e.data, 'content_block')?.['type']));
}

/** Output tokens must equal the tokens of every text/thinking/tool-input delta it emitted. */
function emittedTokens(steps: ReturnType<typeof okSteps>): number {
  return countTokens(deltaText(steps, 'text_delta', 'text')) + countTokens(deltaText(steps, 'thinking_delta', 'thinking')) + countTokens(deltaText(steps, 'input_json_delta', 'partial_json'));
}

describe('normal answers', () => {
  it('streams a well-formed markdown answer of 120-400 tokens with exact usage', () => {
    const steps = okSteps(run(userText('How do I design a cache for an API?')));
    expect(grammarProblems(steps)).toEqual([]);
    const text = deltaText(steps, 'text_delta', 'text');
    const usage = finalUsage(steps);
    expect(usage['output_tokens']).toBe(countTokens(text));
    expect(usage['output_tokens']).toBe(sumStepTokens(steps));
    expect(countTokens(text)).toBeGreaterThanOrEqual(120);
    expect(countTokens(text)).toBeLessThan(560);
    expect(text).toMatch(/^## /m);
    expect(stopReason(steps)).toBe('end_turn');
    // The real stream shape: ping right after the first block starts.
    expect(events(steps).slice(0, 3).map((e) => e.name)).toEqual(['message_start', 'content_block_start', 'ping']);
    const start = getObject(events(steps)[0]?.data ?? {}, 'message');
    expect(Object.keys(start ?? {})).toEqual(['id', 'type', 'role', 'model', 'content', 'stop_reason', 'stop_sequence', 'stop_details', 'usage']);
    expect(getObject(start ?? {}, 'usage')?.['output_tokens']).toBe(1);
  });

  it('text deltas carry 1-3 tokens each', () => {
    const steps = okSteps(run(userText('Explain testing')));
    const deltas = events(steps).filter((e) => e.name === 'content_block_delta').map((e) => String(getObject(e.data, 'delta')?.['text'] ?? ''));
    for (const d of deltas) expect(countTokens(d)).toBeGreaterThanOrEqual(1);
    for (const d of deltas) expect(countTokens(d)).toBeLessThanOrEqual(3);
  });

  it('is deterministic for the same request and seed, and varies with either', () => {
    const a = streamText(okSteps(run(userText('Tell me about Rust'))));
    const b = streamText(okSteps(run(userText('Tell me about Rust'))));
    expect(a).toBe(b);
    expect(streamText(okSteps(run(userText('Tell me about Rust'), 2)))).not.toBe(a);
    expect(streamText(okSteps(run(userText('Tell me about Go'))))).not.toBe(a);
  });

  it('gives the same text streaming or not, and whatever max_tokens', () => {
    const t = (extra: Record<string, unknown>) => deltaText(okSteps(run(userText('caching', extra))), 'text_delta', 'text');
    expect(t({ stream: true })).toBe(t({ stream: false }));
    expect(t({ max_tokens: 8000 })).toBe(t({ max_tokens: 4000 }));
  });
});

describe('scenarios', () => {
  it('help lists every scenario', () => {
    const text = deltaText(okSteps(run(userText('/sim help'))), 'text_delta', 'text');
    for (const name of ['long', 'echo', 'fast', 'thinking', 'tool', 'parallel-tools', 'search', 'max-tokens', 'stop-sequence', 'refusal', 'pause-turn', 'error', 'midstream-error', 'drop', 'stall', 'malformed', 'unknown-event']) {
      expect(text).toContain(`/sim ${name}`);
    }
  });

  it('long <n> gives about n tokens; fast is a flag', () => {
    const result = run(userText('/sim long 3000 fast'));
    const steps = okSteps(result);
    const n = Number(finalUsage(steps)['output_tokens']);
    expect(n).toBeGreaterThanOrEqual(3000);
    expect(n).toBeLessThan(3400);
    expect(result.kind === 'ok' && result.fast).toBe(true);
    expect(grammarProblems(steps)).toEqual([]);
    const text = deltaText(steps, 'text_delta', 'text');
    expect(text).toMatch(/\|---\|/);
    expect(new Set([...text.matchAll(/```(\w+)/g)].map((m) => m[1])).size).toBeGreaterThanOrEqual(2);
  });

  it('echo streams the prompt back word for word, with exact usage', () => {
    const prompt = '| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n<img src=x onerror="alert(1)"> $e^{i\\pi}$ 👋';
    const steps = okSteps(run(userText(`/sim echo fast\n${prompt}`)));
    expect(deltaText(steps, 'text_delta', 'text')).toBe(prompt);
    expect(Number(finalUsage(steps)['output_tokens'])).toBe(emittedTokens(steps));
    expect(grammarProblems(steps)).toEqual([]);
    expect(deltaText(okSteps(run(userText('/sim echo'))), 'text_delta', 'text')).toContain('Nothing to echo');
  });

  it('thinking streams thinking_delta then one signature_delta before the text', () => {
    const steps = okSteps(run(userText('/sim thinking redacted\nWhy is the sky blue?')));
    expect(grammarProblems(steps)).toEqual([]);
    expect(blockTypes(steps)).toEqual(['thinking', 'redacted_thinking', 'text']);
    const firstBlockDeltas = events(steps).filter((e) => e.name === 'content_block_delta' && e.data['index'] === 0).map((e) => getObject(e.data, 'delta')?.['type']);
    expect(firstBlockDeltas[firstBlockDeltas.length - 1]).toBe('signature_delta');
    expect(firstBlockDeltas.filter((t) => t === 'signature_delta')).toHaveLength(1);
    const usage = finalUsage(steps);
    expect(Number(getObject(usage, 'output_tokens_details')?.['thinking_tokens'])).toBeGreaterThan(0);
    expect(usage['output_tokens']).toBe(sumStepTokens(steps));
  });

  it('thinking display "omitted" sends one empty thinking_delta but still counts the tokens', () => {
    const steps = okSteps(run(userText('Explain queues', { model: 'claude-opus-4-7', thinking: { type: 'adaptive' } })));
    const thinking = events(steps).filter((e) => e.name === 'content_block_delta' && e.data['index'] === 0);
    expect(thinking.map((e) => getObject(e.data, 'delta')?.['type'])).toEqual(['thinking_delta', 'signature_delta']);
    expect(getObject(thinking[0]?.data ?? {}, 'delta')?.['thinking']).toBe('');
    expect(Number(getObject(finalUsage(steps), 'output_tokens_details')?.['thinking_tokens'])).toBeGreaterThan(0);
  });

  it('tool calls a request tool with schema-valid input, streamed from an empty first fragment', () => {
    const steps = okSteps(run(userText('/sim tool\nWhat is 17 * 23?', { tools: [calculator, getTime] })));
    expect(grammarProblems(steps)).toEqual([]);
    expect(blockTypes(steps)).toEqual(['text', 'tool_use']);
    expect(stopReason(steps)).toBe('tool_use');
    const json = events(steps).filter((e) => e.name === 'content_block_delta' && e.data['index'] === 1).map((e) => String(getObject(e.data, 'delta')?.['partial_json']));
    expect(json[0]).toBe('');
    expect(json.length).toBeGreaterThan(2);
    expect(JSON.parse(json.join(''))).toEqual({ expression: '17 * 23' });
    expect(finalUsage(steps)['output_tokens']).toBe(emittedTokens(steps));
  });

  it('tool without tools explains that none were provided', () => {
    const steps = okSteps(run(userText('/sim tool')));
    expect(stopReason(steps)).toBe('end_turn');
    expect(deltaText(steps, 'text_delta', 'text')).toMatch(/did not provide any tools/);
  });

  it('answers a tool_result using the result', () => {
    const messages = [
      { role: 'user', content: 'What is 17 * 23?' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'calculator', input: { expression: '17 * 23' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: '391' }] },
    ];
    const steps = okSteps(run(body({ messages, tools: [calculator] })));
    expect(deltaText(steps, 'text_delta', 'text')).toContain('391');
    expect(stopReason(steps)).toBe('end_turn');
  });

  it('calls a tool unprompted by /sim when the user asks for it', () => {
    const steps = okSteps(run(userText('Use the calculator: 2 + 2', { tools: [calculator] })));
    expect(stopReason(steps)).toBe('tool_use');
  });

  it('parallel-tools makes several tool calls in one turn (one with disable_parallel_tool_use)', () => {
    const steps = okSteps(run(userText('/sim parallel-tools 3', { tools: [calculator, getTime] })));
    expect(blockTypes(steps)).toEqual(['text', 'tool_use', 'tool_use', 'tool_use']);
    expect(grammarProblems(steps)).toEqual([]);
    const single = okSteps(run(userText('/sim parallel-tools', { tools: [calculator], tool_choice: { type: 'auto', disable_parallel_tool_use: true } })));
    expect(blockTypes(single)).toEqual(['text', 'tool_use']);
  });

  it('search streams server_tool_use, web_search_tool_result and cited text', () => {
    const steps = okSteps(run(userText('/sim search\nbest pizza dough')));
    expect(grammarProblems(steps)).toEqual([]);
    expect(blockTypes(steps).slice(0, 3)).toEqual(['text', 'server_tool_use', 'web_search_tool_result']);
    const citations = events(steps).filter((e) => getObject(e.data, 'delta')?.['type'] === 'citations_delta');
    expect(citations.length).toBeGreaterThan(0);
    const usage = finalUsage(steps);
    expect(getObject(usage, 'server_tool_use')?.['web_search_requests']).toBe(1);
    const startUsage = getObject(getObject(events(steps)[0]?.data ?? {}, 'message') ?? {}, 'usage') ?? {};
    expect(Number(usage['input_tokens'])).toBeGreaterThan(Number(startUsage['input_tokens']));
  });

  it('pause-turn ends with stop_reason pause_turn, and the continuation finishes the answer', () => {
    const steps = okSteps(run(userText('/sim pause-turn\nweather')));
    expect(stopReason(steps)).toBe('pause_turn');
    const content: JsonObject[] = [
      { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'weather' } },
      { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [] },
    ];
    const next = okSteps(run(body({ messages: [{ role: 'user', content: '/sim pause-turn\nweather' }, { role: 'assistant', content }] })));
    expect(stopReason(next)).toBe('end_turn');
  });

  it('max-tokens stops exactly at max_tokens', () => {
    const steps = okSteps(run(userText('/sim max-tokens', { max_tokens: 50 })));
    expect(grammarProblems(steps)).toEqual([]);
    expect(stopReason(steps)).toBe('max_tokens');
    expect(finalUsage(steps)['output_tokens']).toBe(50);
    expect(countTokens(deltaText(steps, 'text_delta', 'text'))).toBe(50);
  });

  it('a tool call cut by max_tokens gets no content_block_stop', () => {
    const steps = okSteps(run(userText('/sim tool', { max_tokens: 20, tools: [calculator] })));
    expect(stopReason(steps)).toBe('max_tokens');
    const last = events(steps).filter((e) => e.name.startsWith('content_block')).pop();
    expect(last?.name).toBe('content_block_delta');
    expect(grammarProblems(steps, { allowUnclosedTool: true })).toEqual([]);
  });

  it('stop-sequence stops on the request stop sequence (or STOP)', () => {
    const steps = okSteps(run(userText('/sim stop-sequence', { stop_sequences: ['###'] })));
    const delta = events(steps).find((e) => e.name === 'message_delta');
    expect(getObject(delta?.data ?? {}, 'delta')).toMatchObject({ stop_reason: 'stop_sequence', stop_sequence: '###' });
    expect(deltaText(steps, 'text_delta', 'text')).not.toContain('###');
    const fallback = okSteps(run(userText('/sim stop-sequence')));
    expect(getObject(events(fallback).find((e) => e.name === 'message_delta')?.data ?? {}, 'delta')?.['stop_sequence']).toBe('STOP');
  });

  it('refusal sets stop_reason refusal with stop_details', () => {
    const steps = okSteps(run(userText('/sim refusal')));
    const delta = getObject(events(steps).find((e) => e.name === 'message_delta')?.data ?? {}, 'delta');
    expect(delta?.['stop_reason']).toBe('refusal');
    expect(getObject(delta ?? {}, 'stop_details')?.['type']).toBe('refusal');
  });

  it.each([
    [400, 'invalid_request_error'],
    [401, 'authentication_error'],
    [403, 'permission_error'],
    [404, 'not_found_error'],
    [413, 'request_too_large'],
    [429, 'rate_limit_error'],
    [500, 'api_error'],
    [529, 'overloaded_error'],
  ])('error %i answers with %s', (status, type) => {
    const result = run(userText(`/sim error ${status}`));
    expect(result.kind).toBe('error');
    if (result.kind === 'error') {
      expect(result.error).toMatchObject({ status, type });
      if (status === 429) expect(result.error.headers?.['retry-after']).toBe('2');
    }
  });

  it('midstream-error ends with an overloaded_error event after some text', () => {
    const steps = okSteps(run(userText('/sim midstream-error')));
    const evs = events(steps);
    expect(evs[evs.length - 1]).toEqual({ name: 'error', data: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } });
    expect(deltaText(steps, 'text_delta', 'text').length).toBeGreaterThan(0);
    expect(grammarProblems(steps)).toEqual([]);
  });

  it('drop ends after some text with no message_stop', () => {
    const steps = okSteps(run(userText('/sim drop')));
    expect(steps[steps.length - 1]).toEqual({ kind: 'drop' });
    expect(events(steps).some((e) => e.name === 'message_stop')).toBe(false);
  });

  it('stall inserts a silent pause of n seconds, then completes', () => {
    const steps = okSteps(run(userText('/sim stall 7')));
    expect(steps.filter((s) => s.kind === 'stall')).toEqual([{ kind: 'stall', ms: 7000 }]);
    expect(grammarProblems(steps)).toEqual([]);
  });

  it('malformed sends exactly one invalid data line and otherwise a valid stream', () => {
    const steps = okSteps(run(userText('/sim malformed')));
    const raw = steps.filter((s) => s.kind === 'raw');
    expect(raw).toHaveLength(1);
    const text = streamText(steps);
    const bad = text.split('\n').filter((l) => l.startsWith('data: ')).filter((l) => {
      try {
        JSON.parse(l.slice(6));
        return false;
      } catch {
        return true;
      }
    });
    expect(bad).toHaveLength(1);
    expect(grammarProblems(steps)).toEqual([]);
  });

  it('unknown-event carries an unknown event type and an unknown block type', () => {
    const steps = okSteps(run(userText('/sim unknown-event')));
    expect(blockTypes(steps)).toEqual(['text', 'sim_hologram', 'text']);
    expect(events(steps).some((e) => e.name === 'message_progress')).toBe(true);
    expect(grammarProblems(steps, { knownOnly: false })).toEqual([]);
  });

  it('an unknown scenario answers with the help list', () => {
    expect(deltaText(okSteps(run(userText('/sim bogus'))), 'text_delta', 'text')).toMatch(/Unknown scenario `bogus`/);
  });
});
