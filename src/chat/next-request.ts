// The request Send would make now, built the way the turn builds it (turn.ts:
// settings -> request options with the enabled tools; transcript -> messages,
// with the cache breakpoint when caching is on), with the draft as the new
// user message. The forecast counts it, the context meter splits it. Pure.
import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';
import type { Attachment } from '../attachments';
import { toRequestOptions, type ConversationSettings, type RequestOptions } from '../settings';
import type { ChatMessage, UserMessage } from '../store';
import { toApiMessages, withCacheBreakpoint } from './api-messages';
import { enabledTools } from './tools-in-use';

export interface NextRequest {
  readonly options: RequestOptions;
  readonly messages: MessageParam[];
}

export interface Draft {
  readonly text: string;
  readonly attachments: readonly Attachment[];
}

/** The request fields the settings make, with the enabled tools resolved, as runTurn makes them. */
export function requestOptionsFor(settings: ConversationSettings): RequestOptions {
  const tools = enabledTools(settings);
  return toRequestOptions(settings, [...tools.builtin, ...tools.custom]);
}

export function nextRequest(settings: ConversationSettings, transcript: readonly ChatMessage[], draft: Draft): NextRequest {
  const options = requestOptionsFor(settings);
  const question: UserMessage = { id: 'draft', parentId: null, createdAt: 0, role: 'user', text: draft.text, ...(draft.attachments.length > 0 ? { attachments: draft.attachments } : {}) };
  const history = toApiMessages([...transcript, question]);
  return { options, messages: settings.promptCaching ? withCacheBreakpoint(history) : history };
}

/**
 * The body for POST /v1/messages/count_tokens: the same request without the
 * fields that endpoint refuses ("Extra inputs are not permitted"): it counts
 * what the model reads, not how it samples or how long it may answer.
 */
export function countTokensBody(request: NextRequest): Record<string, unknown> {
  const { max_tokens: _max, stream: _stream, temperature: _t, stop_sequences: _s, metadata: _m, container: _c, service_tier: _st, ...counted } = request.options as RequestOptions & Record<string, unknown>;
  return { ...counted, messages: request.messages };
}

/**
 * What the cached prefix depends on besides the messages: model, tools, tool
 * choice, system prompt and thinking (the docs' cache invalidation table).
 * Two requests with different keys share no cache.
 */
export function promptKeyOf(options: RequestOptions): string {
  const { model, tools, tool_choice, system, thinking, output_config } = options;
  return hash(JSON.stringify([model, tools ?? null, tool_choice ?? null, system ?? null, thinking ?? null, output_config ?? null]));
}

/** Two 32-bit FNV-1a hashes (different offsets): short enough to keep on every answer, wide enough not to collide by chance. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return `${(a >>> 0).toString(16)}${(b >>> 0).toString(16)}`;
}
