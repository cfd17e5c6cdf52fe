// Conversation -> Messages API request body. Pure.
import type { MessageCreateParamsStreaming, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { toWireBlock, type BlockState } from '../protocol';
import type { ChatMessage, RequestSettings } from '../store';

export function buildRequest(history: readonly ChatMessage[], settings: RequestSettings): MessageCreateParamsStreaming {
  const body: MessageCreateParamsStreaming = {
    model: settings.model,
    max_tokens: settings.maxTokens,
    messages: history.flatMap(toMessageParam),
    stream: true,
  };
  if (settings.system.trim() !== '') body.system = settings.system;
  return body;
}

function toMessageParam(message: ChatMessage): MessageParam[] {
  if (message.role === 'user') return [{ role: 'user', content: message.text }];
  const complete = message.stream.status === 'complete';
  // An unfinished answer goes back as its text only: partial tool calls and
  // unsigned thinking would be rejected by the API.
  const blocks = message.stream.blocks.filter((block) => (complete ? isReplayable(block) : isNonEmptyText(block)));
  if (blocks.length === 0) return [];
  return [{ role: 'assistant', content: blocks.map((block) => toWireBlock(block)) as MessageParam['content'] }];
}

function isReplayable(block: BlockState): boolean {
  // An empty text block is rejected in a request ("text content blocks must be non-empty").
  return block.kind !== 'text' || block.block.text !== '';
}

function isNonEmptyText(block: BlockState): boolean {
  return block.kind === 'text' && block.block.text.trim() !== '';
}
