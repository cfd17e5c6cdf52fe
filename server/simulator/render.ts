// Pure rendering of a planned turn into the exact SSE event sequence
// (PROTOCOL.md §2-§6): message_start, blocks with their deltas, message_delta
// with cumulative usage, message_stop. Applies stop sequences, max_tokens and
// the scenario's fault. Output tokens are counted from what is emitted.
import type { JsonObject, JsonValue } from './json';
import type { Rng } from './rng';
import { countTokens, tokenize } from './tokens';
import type { InputUsage, PlannedBlock, Step, StopReason, TurnPlan } from './types';

export interface RenderContext {
  messageId: string;
  /** The model id as the client sent it. */
  model: string;
  usage: InputUsage;
  maxTokens: number;
  /** Draws delta sizes. */
  rng: Rng;
}

export interface Rendered {
  steps: Step[];
  outputTokens: number;
  stopReason: StopReason | null;
}

/** Time weight of a tool-input token relative to a text token. */
const TOOL_INPUT_PACE = 3;

function ev(name: string, data: JsonValue, tokens = 0): Step {
  return { kind: 'event', name, data, tokens };
}

/** Cuts text at the first stop sequence; later blocks are never generated. */
export function applyStopSequences(blocks: PlannedBlock[], sequences: string[]): { blocks: PlannedBlock[]; matched: string | null } {
  if (sequences.length === 0) return { blocks, matched: null };
  const out: PlannedBlock[] = [];
  for (const block of blocks) {
    if (block.type !== 'text') {
      out.push(block);
      continue;
    }
    let best: { at: number; seq: string } | null = null;
    for (const seq of sequences) {
      const at = block.text.indexOf(seq);
      if (at >= 0 && (best === null || at < best.at)) best = { at, seq };
    }
    if (best !== null) {
      out.push({ ...block, text: block.text.slice(0, best.at) });
      return { blocks: out, matched: best.seq };
    }
    out.push(block);
  }
  return { blocks: out, matched: null };
}

function startBlock(block: PlannedBlock): JsonObject {
  switch (block.type) {
    case 'text':
      return block.citations.length > 0 ? { type: 'text', text: '', citations: [] } : { type: 'text', text: '' };
    case 'thinking':
      return { type: 'thinking', thinking: '', signature: '' };
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: block.data };
    case 'tool_use':
      return { type: 'tool_use', id: block.id, name: block.name, input: {}, caller: { type: 'direct' } };
    case 'server_tool_use':
      return { type: 'server_tool_use', id: block.id, name: block.name, input: {} };
    case 'server_tool_result':
      return { type: block.blockType, tool_use_id: block.toolUseId, content: block.content };
    case 'unknown_block':
      return block.block;
    case 'event':
      return block.data;
    default: {
      const never: never = block;
      return never;
    }
  }
}

export function messageStartUsage(u: InputUsage): JsonObject {
  return {
    input_tokens: u.inputTokens,
    cache_creation_input_tokens: u.cacheCreationInputTokens,
    cache_read_input_tokens: u.cacheReadInputTokens,
    cache_creation: { ephemeral_5m_input_tokens: u.cacheCreation5m, ephemeral_1h_input_tokens: u.cacheCreation1h },
    // A small placeholder, as real streams send; message_delta carries the total.
    output_tokens: 1,
    service_tier: 'standard',
    inference_geo: 'global',
  };
}

export function renderTurn(plan: TurnPlan, ctx: RenderContext): Rendered {
  const steps: Step[] = [];
  const { blocks, matched } = applyStopSequences(plan.blocks, plan.stopSequences);
  steps.push(
    ev('message_start', {
      type: 'message_start',
      message: {
        id: ctx.messageId,
        type: 'message',
        role: 'assistant',
        model: ctx.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        stop_details: null,
        usage: messageStartUsage(ctx.usage),
      },
    }),
  );

  let budget = ctx.maxTokens;
  let emitted = 0;
  let thinkingTokens = 0;
  let index = 0;
  let cut = false;
  let faultPending = plan.fault;
  let terminated = false;

  /** Inserts the fault once enough tokens went out; true when the stream must end here. */
  const maybeFault = (): boolean => {
    if (faultPending === null || emitted < faultPending.atToken) return false;
    const fault = faultPending;
    faultPending = null;
    switch (fault.kind) {
      case 'midstream-error':
        steps.push(ev('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }));
        return true;
      case 'drop':
        steps.push({ kind: 'drop' });
        return true;
      case 'stall':
        steps.push({ kind: 'stall', ms: fault.ms });
        return false;
      case 'malformed':
        // Truncated JSON: a strict client fails here, a tolerant one skips it.
        steps.push({ kind: 'raw', text: `event: content_block_delta\ndata: {"type":"content_block_delta","index":${index},"delta":{"type":"text_delta","text":"\n\n` });
        return false;
      default: {
        const never: never = fault;
        return never;
      }
    }
  };

  /**
   * Streams pieces in groups of [min,max] tokens; returns false if max_tokens cut it short.
   * `pace` weighs each counted token's time (usage still counts it once).
   */
  const streamPieces = (pieces: string[], min: number, max: number, make: (s: string) => JsonObject, thinking: boolean, pace = 1): boolean => {
    let i = 0;
    while (i < pieces.length) {
      if (budget <= 0) return false;
      const take = Math.min(ctx.rng.int(min, max), pieces.length - i, budget);
      const chunk = pieces.slice(i, i + take).join('');
      i += take;
      budget -= take;
      emitted += take;
      if (thinking) thinkingTokens += take;
      steps.push(ev('content_block_delta', { type: 'content_block_delta', index, delta: make(chunk) }, take * pace));
      if (maybeFault()) {
        terminated = true;
        return true;
      }
    }
    return true;
  };

  for (const block of blocks) {
    if (block.type === 'event') {
      steps.push(ev(block.name, block.data));
      continue;
    }
    if (budget <= 0) {
      cut = true;
      break;
    }
    // A redacted block arrives whole; its (hidden) tokens pace its start event.
    const redactedTokens = block.type === 'redacted_thinking' ? Math.min(countTokens(block.data), budget) : 0;
    steps.push(ev('content_block_start', { type: 'content_block_start', index, content_block: startBlock(block) }, redactedTokens));
    if (index === 0) {
      steps.push(ev('ping', { type: 'ping' }));
      steps.push({ kind: 'first-token' });
    }
    let complete = true;
    let closeBlock = true;
    switch (block.type) {
      case 'text':
        for (const citation of block.citations) {
          steps.push(ev('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'citations_delta', citation } }));
        }
        complete = streamPieces(tokenize(block.text), 1, 3, (text) => ({ type: 'text_delta', text }), false);
        break;
      case 'thinking':
        if (block.hiddenTokens > 0) {
          // display "omitted": one empty thinking_delta stands for all the hidden reasoning.
          const take = Math.min(block.hiddenTokens, budget);
          budget -= take;
          emitted += take;
          thinkingTokens += take;
          steps.push(ev('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: '' } }, take));
          complete = take === block.hiddenTokens;
        } else {
          complete = streamPieces(tokenize(block.thinking), 4, 14, (thinking) => ({ type: 'thinking_delta', thinking }), true);
        }
        if (complete && !terminated) {
          steps.push(ev('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: block.signature } }));
        }
        break;
      case 'redacted_thinking':
        budget -= redactedTokens;
        emitted += redactedTokens;
        thinkingTokens += redactedTokens;
        break;
      case 'tool_use':
      case 'server_tool_use':
        // As the real API: an empty first fragment, then uneven slices of the JSON.
        steps.push(ev('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: '' } }));
        // Tool input streams three times slower per counted token: JSON punctuation costs the model
        // more tokens than our word-piece count gives it, and the progressive input stays visible.
        complete = streamPieces(tokenize(JSON.stringify(block.input)), 1, 3, (partial_json) => ({ type: 'input_json_delta', partial_json }), false, TOOL_INPUT_PACE);
        // A tool call cut by max_tokens gets no content_block_stop (fixture behaviour).
        closeBlock = complete;
        break;
      case 'server_tool_result':
      case 'unknown_block':
        break;
      default: {
        const never: never = block;
        return never;
      }
    }
    if (terminated) return { steps, outputTokens: emitted, stopReason: null };
    if (closeBlock) steps.push(ev('content_block_stop', { type: 'content_block_stop', index }));
    index++;
    if (!complete) {
      cut = true;
      break;
    }
  }

  const stopReason: StopReason = cut ? 'max_tokens' : matched !== null ? 'stop_sequence' : plan.stopReason;
  const usage: JsonObject = {
    input_tokens: ctx.usage.inputTokens + plan.extraInputTokens,
    cache_creation_input_tokens: ctx.usage.cacheCreationInputTokens,
    cache_read_input_tokens: ctx.usage.cacheReadInputTokens,
    output_tokens: emitted,
  };
  if (thinkingTokens > 0) usage['output_tokens_details'] = { thinking_tokens: thinkingTokens };
  if (plan.webSearchRequests > 0 || plan.webFetchRequests > 0) usage['server_tool_use'] = { web_search_requests: plan.webSearchRequests, web_fetch_requests: plan.webFetchRequests };
  steps.push(
    ev('message_delta', {
      type: 'message_delta',
      delta: {
        stop_reason: stopReason,
        stop_sequence: stopReason === 'stop_sequence' ? matched : null,
        stop_details: stopReason === 'refusal' ? plan.stopDetails : null,
        // Only turns that ran code carry a container (the field is newer than most captures).
        ...(plan.container === null ? {} : { container: plan.container }),
      },
      usage,
    }),
  );
  steps.push(ev('message_stop', { type: 'message_stop' }));
  return { steps, outputTokens: emitted, stopReason };
}
