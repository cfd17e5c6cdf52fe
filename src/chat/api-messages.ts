// Transcript -> the `messages` of a Messages API request. Pure.
// Rules the API enforces, applied here so a request is never rejected for
// what the transcript holds:
// - thinking and redacted thinking go back unchanged (with signatures);
// - a tool_use must be answered by tool_results in the next user turn, so
//   calls that were never answered are left out;
// - an unfinished answer goes back as its text only, and empty text blocks
//   are left out ("text content blocks must be non-empty");
// - block types this client does not know are not sent back.
import type { ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { toContentBlock } from '../attachments';
import { toWireBlock, type BlockState } from '../protocol';
import type { AssistantMessage, ChatMessage, ToolResultsMessage } from '../store';

const REPLAYABLE = new Set(['text', 'thinking', 'redacted_thinking', 'tool_use', 'server_tool_use']);

export function toApiMessages(transcript: readonly ChatMessage[]): MessageParam[] {
  const out: MessageParam[] = [];
  transcript.forEach((message, index) => {
    switch (message.role) {
      case 'user': {
        const attachments = message.attachments ?? [];
        if (attachments.length === 0) out.push({ role: 'user', content: message.text });
        // Files first, then the question about them, as the vision docs recommend.
        else out.push({ role: 'user', content: [...attachments.map(toContentBlock), ...(message.text.trim() === '' ? [] : [{ type: 'text' as const, text: message.text }])] });
        return;
      }
      case 'assistant': {
        const rest = transcript.slice(index + 1);
        // A cut-off answer that was continued goes back once, joined to its continuation.
        if (rest.some((m) => m.role === 'assistant' && m.continuationOf === message.id)) return;
        const next = rest.find((m) => m.role !== 'notice');
        let content = assistantContent(message, next?.role === 'tool_results' ? next : undefined);
        // Every earlier link of a chain (an answer paused twice, say) goes back with it, in order.
        for (let partialId = message.continuationOf; partialId !== undefined; ) {
          const partial = transcript.find((m) => m.id === partialId);
          if (partial?.role !== 'assistant') break;
          content = joinText([...assistantContent(partial, undefined), ...content]);
          partialId = partial.continuationOf;
        }
        if (content.length > 0) out.push({ role: 'assistant', content });
        return;
      }
      case 'tool_results':
        out.push({ role: 'user', content: toolResultBlocks(message) });
        return;
      case 'notice':
        return;
      default: {
        const unreachable: never = message;
        return unreachable;
      }
    }
  });
  return out;
}

function assistantContent(message: AssistantMessage, answers: ToolResultsMessage | undefined): ContentBlockParam[] {
  const complete = message.stream.status === 'complete';
  const answered = new Set(answers?.results.map((r) => r.toolUseId) ?? []);
  return message.stream.blocks.filter((block) => (complete ? isReplayable(block, answered) : isNonEmptyText(block))).map(toParam);
}

/** Adjacent text blocks become one (a continuation picks up mid-sentence). */
function joinText(blocks: ContentBlockParam[]): ContentBlockParam[] {
  const out: ContentBlockParam[] = [];
  for (const block of blocks) {
    const last = out.at(-1);
    if (block.type === 'text' && last?.type === 'text' && !block.citations && !last.citations) out[out.length - 1] = { type: 'text', text: last.text + block.text };
    else out.push(block);
  }
  return out;
}

function isReplayable(block: BlockState, answered: ReadonlySet<string>): boolean {
  const type = block.block.type;
  if (block.kind === 'text') return block.block.text !== '';
  if (block.kind === 'tool_input') return block.block.type === 'server_tool_use' || answered.has(block.block.id);
  // Server tool results (web search and the like) must go back with their calls.
  return REPLAYABLE.has(type) || type.endsWith('_tool_result');
}

function isNonEmptyText(block: BlockState): boolean {
  return block.kind === 'text' && block.block.text.trim() !== '';
}

function toParam(block: BlockState): ContentBlockParam {
  const wire = toWireBlock(block) as unknown as Record<string, unknown>;
  if (block.kind === 'text' && (block.block.citations ?? []).length === 0) {
    const { citations: _omit, ...rest } = wire;
    return rest as unknown as ContentBlockParam;
  }
  return wire as unknown as ContentBlockParam;
}

function toolResultBlocks(message: ToolResultsMessage): ContentBlockParam[] {
  return message.results.map((result) => ({
    type: 'tool_result',
    tool_use_id: result.toolUseId,
    content: result.state === 'done' ? result.content : 'The user did not run this tool.',
    is_error: result.state === 'done' ? result.isError : true,
  }));
}

/**
 * Puts a cache breakpoint on the last block of the last message, so the whole
 * conversation so far is written to the prompt cache and the next request
 * reads it back (prompts under the model's minimum are simply not cached).
 */
export function withCacheBreakpoint(messages: MessageParam[]): MessageParam[] {
  const last = messages.at(-1);
  if (last === undefined || (last.role !== 'user' && last.role !== 'assistant')) return messages;
  const blocks: ContentBlockParam[] = typeof last.content === 'string' ? [{ type: 'text', text: last.content }] : [...last.content];
  const tail = blocks.at(-1);
  if (tail === undefined || tail.type === 'thinking' || tail.type === 'redacted_thinking') return messages;
  blocks[blocks.length - 1] = { ...tail, cache_control: { type: 'ephemeral' } } as ContentBlockParam;
  return [...messages.slice(0, -1), { role: last.role, content: blocks }];
}
