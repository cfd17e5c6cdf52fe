// Validation of `messages`: roles, content blocks, and tool_use/tool_result
// pairing, with the API's error wording where it is known (PROTOCOL.md §12).
import { getArray, getString, isArray, isObject, type JsonObject, type JsonValue } from './json';
import { checkMediaBlock } from './media';
import { invalidRequest } from './errors';
import type { ApiErrorSpec, ApiVersion, Role, SimMessage } from './types';

const USER_BLOCKS = new Set(['text', 'image', 'document', 'tool_result', 'search_result', 'container_upload']);
const ASSISTANT_BLOCKS = new Set([
  'text',
  'tool_use',
  'thinking',
  'redacted_thinking',
  'server_tool_use',
  'web_search_tool_result',
  'web_fetch_tool_result',
  'code_execution_tool_result',
  'bash_code_execution_tool_result',
  'text_editor_code_execution_tool_result',
  'tool_search_tool_result',
  'container_upload',
  'compaction',
  'fallback',
  'document',
]);

type Result = { ok: true; messages: SimMessage[] } | { ok: false; error: ApiErrorSpec };

function fail(message: string): { ok: false; error: ApiErrorSpec } {
  return { ok: false, error: invalidRequest(message) };
}

function parseRole(value: JsonValue | undefined): Role | undefined {
  return value === 'user' || value === 'assistant' || value === 'system' ? value : undefined;
}

export function validateMessages(value: JsonValue | undefined, version: ApiVersion): Result {
  if (value === undefined) return fail('messages: Field required');
  if (!isArray(value)) return fail('messages: Input should be a valid list');
  if (value.length === 0) return fail('messages: at least one message is required');
  const out: SimMessage[] = [];
  for (let i = 0; i < value.length; i++) {
    const raw = value[i];
    const path = `messages.${i}`;
    if (!isObject(raw)) return fail(`${path}: Input should be a valid dictionary`);
    const role = parseRole(raw['role']);
    if (role === undefined) return fail(`${path}.role: Input should be 'user' or 'assistant'`);
    const blocks = normaliseContent(raw['content'], path);
    if (!Array.isArray(blocks)) return { ok: false, error: blocks };
    const isFinalAssistant = role === 'assistant' && i === value.length - 1;
    if (blocks.length === 0 && !isFinalAssistant) {
      return fail(`${path}: all messages must have non-empty content except for the optional final assistant message`);
    }
    const blockError = checkBlocks(blocks, role, path, version);
    if (blockError) return { ok: false, error: blockError };
    out.push({ role, content: blocks });
  }
  if (out[0]?.role !== 'user') return fail('messages: first message must use the "user" role');
  const pairing = checkToolPairing(out);
  if (pairing) return { ok: false, error: pairing };
  return { ok: true, messages: out };
}

function normaliseContent(content: JsonValue | undefined, path: string): JsonObject[] | ApiErrorSpec {
  if (content === undefined) return invalidRequest(`${path}.content: Field required`);
  if (typeof content === 'string') return content.length === 0 ? [] : [{ type: 'text', text: content }];
  if (!isArray(content)) return invalidRequest(`${path}.content: Input should be a valid string or list`);
  const blocks: JsonObject[] = [];
  for (let j = 0; j < content.length; j++) {
    const b = content[j];
    if (!isObject(b) || typeof b['type'] !== 'string') {
      return invalidRequest(`${path}.content.${j}: Input should be a content block object with a "type"`);
    }
    blocks.push(b);
  }
  return blocks;
}

function checkBlocks(blocks: JsonObject[], role: Role, path: string, version: ApiVersion): ApiErrorSpec | undefined {
  const allowed = role === 'assistant' ? ASSISTANT_BLOCKS : USER_BLOCKS;
  for (let j = 0; j < blocks.length; j++) {
    const b = blocks[j];
    if (b === undefined) continue;
    const type = getString(b, 'type') ?? '';
    const at = `${path}.content.${j}`;
    if (!allowed.has(type)) {
      return invalidRequest(`${at}.type: Input tag '${type}' found using 'type' does not match any of the expected tags for a ${role} message: ${[...allowed].map((t) => `'${t}'`).join(', ')}`);
    }
    if (type === 'text') {
      const text = b['text'];
      if (typeof text !== 'string') return invalidRequest(`${at}.text: Field required`);
      if (text.length === 0) return invalidRequest('messages: text content blocks must be non-empty');
      const citations = getArray(b, 'citations');
      if (version === '2026-10-21' && role === 'user' && citations !== undefined && citations.length > 0) {
        return invalidRequest(`${at}.citations: text blocks in user messages may not carry citations on API version 2026-10-21`);
      }
    }
    if (type === 'image' || type === 'document') {
      const problem = checkMediaBlock(b, at);
      if (problem !== undefined) return problem;
    }
    if (type === 'document' && role === 'assistant' && version === '2026-10-21') {
      return invalidRequest(`${at}: document blocks are not allowed in assistant messages on API version 2026-10-21`);
    }
    if ((type === 'tool_use' || type === 'server_tool_use') && (typeof b['id'] !== 'string' || typeof b['name'] !== 'string')) {
      return invalidRequest(`${at}: ${type} blocks require "id" and "name"`);
    }
    if (type === 'tool_result' && typeof b['tool_use_id'] !== 'string') {
      return invalidRequest(`${at}.tool_use_id: Field required`);
    }
  }
  return undefined;
}

function toolUseIds(message: SimMessage): string[] {
  const ids: string[] = [];
  for (const b of message.content) {
    const id = getString(b, 'id');
    if (b['type'] === 'tool_use' && id !== undefined) ids.push(id);
  }
  return ids;
}

/** Every tool_result must answer a tool_use of the previous turn, and vice versa. */
function checkToolPairing(messages: SimMessage[]): ApiErrorSpec | undefined {
  const turns = messages.map((m, index) => ({ m, index })).filter((t) => t.m.role !== 'system');
  for (let t = 0; t < turns.length; t++) {
    const turn = turns[t];
    if (turn === undefined || turn.m.role !== 'user') continue;
    const prev = turns[t - 1];
    const expected = prev && prev.m.role === 'assistant' ? toolUseIds(prev.m) : [];
    const results: string[] = [];
    for (let j = 0; j < turn.m.content.length; j++) {
      const b = turn.m.content[j];
      if (b === undefined || b['type'] !== 'tool_result') continue;
      const id = getString(b, 'tool_use_id') ?? '';
      if (!expected.includes(id)) {
        return invalidRequest(
          `messages.${turn.index}.content.${j}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
        );
      }
      results.push(id);
    }
    const missing = expected.filter((id) => !results.includes(id));
    if (missing.length > 0 && prev) {
      return invalidRequest(
        `messages.${turn.index}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
      );
    }
  }
  return undefined;
}

export function lastMessage(messages: readonly SimMessage[]): SimMessage | undefined {
  return messages[messages.length - 1];
}

/** True when a final assistant message is a pause_turn continuation (server tool results), not a prefill. */
export function isPauseTurnContinuation(message: SimMessage): boolean {
  const last = message.content[message.content.length - 1];
  const type = last ? getString(last, 'type') ?? '' : '';
  return type === 'server_tool_use' || type.endsWith('_tool_result');
}

