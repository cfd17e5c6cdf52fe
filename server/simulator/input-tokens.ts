// Input token counting: one function for message usage and for count_tokens.
//
// Method (documented because clients can see the numbers):
// - The prompt is walked in the API's cache order: tools, then system, then
//   messages. Each unit (one tool definition, one system block, one message
//   content block) is a "segment" with a token count, so prompt caching can
//   cut the prompt at any cache_control breakpoint (cache.ts).
// - Text is counted with tokens.ts. Structured data (tool definitions, tool
//   inputs, documents) is counted as the tokens of its compact JSON.
// - Fixed overheads stand in for the hidden framing the real API adds:
//   3 per request, 4 per message, 3 for a system prompt, 4 per tool_use or
//   tool_result, and 300 once when tools are present (the tool-use system
//   prompt). Images and PDFs are counted in media.ts (size-based, as documented).
// - Thinking blocks from earlier assistant turns count 0: the API strips them
//   from the context before the model sees it.
import { getString, isArray, isObject, type JsonObject, type JsonValue } from './json';
import { documentTokens, imageTokens } from './media';
import { countTokens } from './tokens';
import type { ParsedRequest } from './types';

export interface Segment {
  /** Canonical text of the unit, used to key the prompt cache. */
  key: string;
  tokens: number;
  /** The unit's cache_control, if it is a breakpoint. */
  cacheControl: JsonObject | null;
}

const REQUEST_OVERHEAD = 3;
const MESSAGE_OVERHEAD = 4;
const SYSTEM_OVERHEAD = 3;
const TOOL_BLOCK_OVERHEAD = 4;
const TOOLS_PREAMBLE = 300;

function cacheControlOf(block: JsonObject): JsonObject | null {
  const cc = block['cache_control'];
  return isObject(cc) ? cc : null;
}

/** JSON of a block without its cache_control, so moving a breakpoint does not change the key. */
function keyOf(block: JsonObject): string {
  const { cache_control: _ignored, ...rest } = block;
  return JSON.stringify(rest);
}

function toolResultTokens(content: JsonValue | undefined): number {
  if (typeof content === 'string') return countTokens(content);
  if (!isArray(content)) return 0;
  let n = 0;
  for (const c of content) if (isObject(c)) n += blockTokens(c);
  return n;
}

/** Tokens of one content block as the model would read it. */
export function blockTokens(block: JsonObject): number {
  const type = getString(block, 'type') ?? '';
  switch (type) {
    case 'text':
      return countTokens(getString(block, 'text') ?? '');
    case 'image':
      return imageTokens(block);
    case 'document':
      return documentTokens(block, countTokens);
    case 'thinking':
    case 'redacted_thinking':
      return 0;
    case 'tool_use':
    case 'server_tool_use':
      return TOOL_BLOCK_OVERHEAD + countTokens(getString(block, 'name') ?? '') + countTokens(JSON.stringify(block['input'] ?? {}));
    case 'tool_result':
      return TOOL_BLOCK_OVERHEAD + toolResultTokens(block['content']);
    default:
      return countTokens(keyOf(block));
  }
}

export function inputSegments(req: Pick<ParsedRequest, 'tools' | 'system' | 'messages'>): Segment[] {
  const segments: Segment[] = [{ key: 'request', tokens: REQUEST_OVERHEAD, cacheControl: null }];
  req.tools.forEach((tool, i) => {
    const preamble = i === 0 ? TOOLS_PREAMBLE : 0;
    segments.push({ key: `tool:${keyOf(tool)}`, tokens: preamble + countTokens(keyOf(tool)), cacheControl: cacheControlOf(tool) });
  });
  req.system.forEach((block, i) => {
    const overhead = i === 0 ? SYSTEM_OVERHEAD : 0;
    segments.push({ key: `system:${keyOf(block)}`, tokens: overhead + blockTokens(block), cacheControl: cacheControlOf(block) });
  });
  for (const message of req.messages) {
    message.content.forEach((block, i) => {
      const overhead = i === 0 ? MESSAGE_OVERHEAD : 0;
      segments.push({
        key: `${message.role}${i === 0 ? '+' : ''}:${keyOf(block)}`,
        tokens: overhead + blockTokens(block),
        cacheControl: cacheControlOf(block),
      });
    });
    // A message whose content is empty (a final empty assistant turn) still has framing.
    if (message.content.length === 0) segments.push({ key: `${message.role}+:`, tokens: MESSAGE_OVERHEAD, cacheControl: null });
  }
  return segments;
}

export function countInputTokens(req: Pick<ParsedRequest, 'tools' | 'system' | 'messages'>): number {
  return inputSegments(req).reduce((sum, s) => sum + s.tokens, 0);
}
