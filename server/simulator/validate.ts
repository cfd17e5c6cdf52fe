// Request validation for POST /v1/messages and /v1/messages/count_tokens.
// Produces a typed ParsedRequest or the 400/404 the real API would send.
import { getNumber, getObject, getString, isArray, isObject, parseJson, type JsonObject, type JsonValue } from './json';
import { invalidRequest, notFound } from './errors';
import {
  defaultThinkingDisplay,
  findModel,
  rejectsCustomTemperature,
  supportsAdaptiveThinking,
  supportsManualThinking,
  supportsPrefill,
  type ModelSpec,
} from './models';
import { checkServerTool, emptyServerTools, isServerToolType } from './server-tools';
import { isPauseTurnContinuation, lastMessage, validateMessages } from './validate-messages';
import type { ApiErrorSpec, ApiVersion, ParsedRequest, ServerToolConfig, ThinkingDisplay, ThinkingSetting, ToolChoiceSetting } from './types';

export type Endpoint = 'messages' | 'count_tokens';
export type ValidationResult = { ok: true; request: ParsedRequest } | { ok: false; error: ApiErrorSpec };

const COMMON_FIELDS = [
  'model', 'messages', 'system', 'tools', 'tool_choice', 'thinking', 'output_config',
  'cache_control', 'speed', 'user_profile_id', 'workspace_id',
];
const MESSAGES_ONLY = [
  'max_tokens', 'stream', 'stop_sequences', 'metadata', 'service_tier', 'container',
  'diagnostics', 'inference_geo',
];
const SAMPLING = ['temperature', 'top_p', 'top_k'];
const EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'];

function fail(message: string): ValidationResult {
  return { ok: false, error: invalidRequest(message) };
}

/** Reads the anthropic-version header; absent means 2023-06-01 (we are lenient). */
export function parseVersion(header: string | string[] | undefined): ApiVersion | ApiErrorSpec {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value === '' || value === '2023-06-01') return '2023-06-01';
  if (value === '2026-10-21') return '2026-10-21';
  return invalidRequest(`anthropic-version: "${value}" is not a valid version`);
}

/** `betas`: the request's anthropic-beta values (some tool versions need one). */
export function validateRequest(bodyText: string, version: ApiVersion, endpoint: Endpoint, betas: ReadonlySet<string> = new Set()): ValidationResult {
  const body = parseJson(bodyText);
  if (body === undefined) return fail('There was an error parsing the body of your request. Please make sure it is valid JSON.');
  if (!isObject(body)) return fail('Input should be a valid dictionary');

  const allowed = new Set([...COMMON_FIELDS, ...(endpoint === 'messages' ? [...MESSAGES_ONLY, ...SAMPLING] : [])]);
  for (const key of Object.keys(body)) {
    if (SAMPLING.includes(key) && version === '2026-10-21') {
      return fail(`${key}: this parameter was removed in API version 2026-10-21; sampling always uses the defaults. Remove \`${key}\` from the request.`);
    }
    if (!allowed.has(key)) return fail(`${key}: Extra inputs are not permitted`);
  }

  if (body['model'] === undefined) return fail('model: Field required');
  const modelId = getString(body, 'model');
  if (modelId === undefined) return fail('model: Input should be a valid string');
  const model = findModel(modelId);
  if (model === undefined) return { ok: false, error: notFound(`model: ${modelId}`) };

  let maxTokens = 0;
  if (endpoint === 'messages') {
    const mt = body['max_tokens'];
    if (mt === undefined) return fail('max_tokens: Field required');
    if (typeof mt !== 'number' || !Number.isInteger(mt)) return fail('max_tokens: Input should be a valid integer');
    if (mt < 1) return fail('max_tokens: Input should be greater than or equal to 1');
    if (mt > model.maxOutputTokens) {
      return fail(`max_tokens: ${mt} > ${model.maxOutputTokens}, which is the maximum allowed number of output tokens for ${model.id}`);
    }
    maxTokens = mt;
  }

  const msgs = validateMessages(body['messages'], version);
  if (!msgs.ok) return { ok: false, error: msgs.error };
  const final = lastMessage(msgs.messages);
  if (endpoint === 'messages' && final?.role === 'assistant' && !supportsPrefill(model) && !isPauseTurnContinuation(final)) {
    return fail('This model does not support assistant message prefill. The conversation must end with a user message.');
  }

  const system = parseSystem(body['system']);
  if (!Array.isArray(system)) return { ok: false, error: system };
  const serverTools = emptyServerTools();
  const tools = parseTools(body['tools'], betas, serverTools);
  if (!Array.isArray(tools)) return { ok: false, error: tools };
  const container = body['container'];
  if (container !== undefined && container !== null && typeof container !== 'string' && !isObject(container)) {
    return fail('container: Input should be a valid string');
  }
  const toolChoice = parseToolChoice(body['tool_choice'], tools);
  if ('status' in toolChoice) return { ok: false, error: toolChoice };
  const thinking = parseThinking(body['thinking'], model, maxTokens, endpoint);
  if ('status' in thinking) return { ok: false, error: thinking };

  const sampling = checkSampling(body, model, thinking);
  if (sampling) return { ok: false, error: sampling };
  if (thinking.mode !== 'off' && (toolChoice.type === 'any' || toolChoice.type === 'tool')) {
    return fail('Thinking may not be enabled when tool_choice forces tool use.');
  }

  const outputConfig = getObject(body, 'output_config');
  const effort = outputConfig ? getString(outputConfig, 'effort') ?? null : null;
  if (effort !== null && !EFFORTS.includes(effort)) {
    return fail(`output_config.effort: Input should be ${EFFORTS.map((e) => `'${e}'`).join(', ')}`);
  }

  const stop = body['stop_sequences'];
  let stopSequences: string[] = [];
  if (stop !== undefined) {
    if (!isArray(stop) || !stop.every((s): s is string => typeof s === 'string')) {
      return fail('stop_sequences: Input should be a valid list of strings');
    }
    if (stop.some((s) => s.trim().length === 0)) return fail('stop_sequences: each stop sequence must contain non-whitespace');
    stopSequences = stop;
  }
  const stream = body['stream'];
  if (stream !== undefined && typeof stream !== 'boolean') return fail('stream: Input should be a valid boolean');

  return {
    ok: true,
    request: {
      apiVersion: version,
      modelId,
      model,
      maxTokens,
      messages: msgs.messages,
      system,
      tools,
      toolChoice,
      thinking,
      effort,
      stopSequences,
      stream: stream === true,
      topCacheControl: getObject(body, 'cache_control') ?? null,
      serverTools,
      container: typeof container === 'string' ? container : isObject(container) ? getString(container, 'id') ?? null : null,
    },
  };
}

function parseSystem(value: JsonValue | undefined): JsonObject[] | ApiErrorSpec {
  if (value === undefined) return [];
  if (typeof value === 'string') return value.length === 0 ? [] : [{ type: 'text', text: value }];
  if (!isArray(value)) return invalidRequest('system: Input should be a valid string or list of text blocks');
  const out: JsonObject[] = [];
  for (let i = 0; i < value.length; i++) {
    const b = value[i];
    if (!isObject(b) || b['type'] !== 'text' || typeof b['text'] !== 'string') {
      return invalidRequest(`system.${i}: Input should be a text block ({"type": "text", "text": ...})`);
    }
    out.push(b);
  }
  return out;
}

function parseTools(value: JsonValue | undefined, betas: ReadonlySet<string>, serverTools: ServerToolConfig): JsonObject[] | ApiErrorSpec {
  if (value === undefined) return [];
  if (!isArray(value)) return invalidRequest('tools: Input should be a valid list');
  const names = new Set<string>();
  const out: JsonObject[] = [];
  for (let i = 0; i < value.length; i++) {
    const t = value[i];
    if (!isObject(t)) return invalidRequest(`tools.${i}: Input should be a valid dictionary`);
    const name = getString(t, 'name');
    if (name === undefined) return invalidRequest(`tools.${i}.name: Field required`);
    const type = getString(t, 'type');
    if (type !== undefined && isServerToolType(type)) {
      const problem = checkServerTool(i, t, betas, serverTools);
      if (problem !== undefined) return problem;
    }
    const isCustom = type === undefined || type === 'custom';
    if (isCustom) {
      if (!/^[a-zA-Z0-9_-]{1,128}$/.test(name)) return invalidRequest(`tools.${i}.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`);
      const schema = getObject(t, 'input_schema');
      if (schema === undefined) return invalidRequest(`tools.${i}.custom.input_schema: Field required`);
      if (schema['type'] !== 'object') return invalidRequest(`tools.${i}.custom.input_schema.type: Input should be 'object'`);
    }
    if (names.has(name)) return invalidRequest('tools: Tool names must be unique.');
    names.add(name);
    out.push(t);
  }
  return out;
}

function parseToolChoice(value: JsonValue | undefined, tools: JsonObject[]): ToolChoiceSetting | ApiErrorSpec {
  if (value === undefined) return { type: 'auto', disableParallel: false };
  if (!isObject(value)) return invalidRequest('tool_choice: Input should be a valid dictionary');
  if (tools.length === 0 && value['type'] !== 'none' && value['type'] !== 'auto') {
    return invalidRequest('tool_choice: tool_choice may only be specified while providing tools.');
  }
  const disableParallel = value['disable_parallel_tool_use'] === true;
  switch (value['type']) {
    case 'auto':
      return { type: 'auto', disableParallel };
    case 'any':
      return { type: 'any', disableParallel };
    case 'none':
      return { type: 'none' };
    case 'tool': {
      const name = getString(value, 'name');
      if (name === undefined) return invalidRequest('tool_choice.tool.name: Field required');
      if (!tools.some((t) => t['name'] === name)) return invalidRequest(`tool_choice.tool.name: Tool '${name}' not found in tools`);
      return { type: 'tool', name, disableParallel };
    }
    default:
      return invalidRequest("tool_choice.type: Input tag found using 'type' does not match any of the expected tags: 'auto', 'any', 'tool', 'none'");
  }
}

function parseDisplay(t: JsonObject, model: ModelSpec): ThinkingDisplay | ApiErrorSpec {
  const d = t['display'];
  if (d === undefined || d === null) return defaultThinkingDisplay(model);
  if (d === 'summarized' || d === 'omitted') return d;
  return invalidRequest("thinking.display: Input should be 'summarized' or 'omitted'");
}

function parseThinking(value: JsonValue | undefined, model: ModelSpec, maxTokens: number, endpoint: Endpoint): ThinkingSetting | ApiErrorSpec {
  if (value === undefined) return { mode: 'off' };
  if (!isObject(value)) return invalidRequest('thinking: Input should be a valid dictionary');
  switch (value['type']) {
    case 'disabled':
    case 'between_tools':
      return { mode: 'off' };
    case 'enabled': {
      if (!supportsManualThinking(model)) {
        return invalidRequest(`thinking.type.enabled is not supported for ${model.id}. Use thinking.type.adaptive and output_config.effort to control thinking.`);
      }
      const budget = getNumber(value, 'budget_tokens');
      if (budget === undefined || !Number.isInteger(budget)) return invalidRequest('thinking.enabled.budget_tokens: Field required');
      if (budget < 1024) return invalidRequest('thinking.enabled.budget_tokens: Input should be greater than or equal to 1024');
      if (endpoint === 'messages' && budget >= maxTokens) {
        return invalidRequest('`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size');
      }
      const display = parseDisplay(value, model);
      if (typeof display !== 'string') return display;
      return { mode: 'enabled', budgetTokens: budget, display };
    }
    case 'adaptive': {
      if (!supportsAdaptiveThinking(model)) {
        return invalidRequest(`thinking.type: 'adaptive' is not supported by ${model.id}; use {"type": "enabled", "budget_tokens": N}`);
      }
      const display = parseDisplay(value, model);
      if (typeof display !== 'string') return display;
      return { mode: 'adaptive', display };
    }
    default:
      return invalidRequest("thinking.type: Input tag found using 'type' does not match any of the expected tags: 'enabled', 'disabled', 'adaptive'");
  }
}

function checkSampling(body: JsonObject, model: ModelSpec, thinking: ThinkingSetting): ApiErrorSpec | undefined {
  const temperature = body['temperature'];
  if (temperature !== undefined) {
    if (typeof temperature !== 'number') return invalidRequest('temperature: Input should be a valid number');
    if (temperature < 0 || temperature > 1) return invalidRequest('temperature: Input should be between 0 and 1');
    if (temperature !== 1 && rejectsCustomTemperature(model)) {
      return invalidRequest(`temperature: ${model.id} does not support setting temperature; only the default value 1.0 is accepted`);
    }
    if (temperature !== 1 && thinking.mode !== 'off') {
      return invalidRequest('`temperature` may only be set to 1 when thinking is enabled. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#feature-compatibility');
    }
  }
  const topP = body['top_p'];
  if (topP !== undefined && (typeof topP !== 'number' || topP < 0 || topP > 1)) return invalidRequest('top_p: Input should be between 0 and 1');
  const topK = body['top_k'];
  if (topK !== undefined) {
    if (typeof topK !== 'number' || !Number.isInteger(topK) || topK < 0) return invalidRequest('top_k: Input should be a non-negative integer');
    if (thinking.mode !== 'off') return invalidRequest('`top_k` cannot be set when thinking is enabled.');
  }
  return undefined;
}
