// How a prompt's tokens divide between system prompt, tools, conversation
// history, attachments and thinking: an estimate (about four characters a
// token for text and JSON) scaled to the exact total count_tokens or the
// usage gave, with whatever text does not explain given to the attachments
// (images and PDFs are counted by their pixels and pages, not their bytes).
// Pure.
import type { ContentBlockParam, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import type { RequestOptions } from '../settings';

export interface ContextSplit {
  readonly system: number;
  readonly tools: number;
  readonly history: number;
  readonly attachments: number;
  readonly thinking: number;
}

export const SPLIT_LABELS: ReadonlyArray<readonly [keyof ContextSplit, string]> = [
  ['system', 'System prompt'],
  ['tools', 'Tools'],
  ['history', 'Conversation history'],
  ['attachments', 'Attachments'],
  ['thinking', 'Thinking'],
];

const CHARS_PER_TOKEN = 4;

export function contextSplit(options: Pick<RequestOptions, 'system' | 'tools'>, messages: readonly MessageParam[], total: number): ContextSplit {
  const system = options.system === undefined ? 0 : chars(typeof options.system === 'string' ? options.system : JSON.stringify(options.system));
  const tools = options.tools === undefined ? 0 : chars(JSON.stringify(options.tools));
  let history = 0;
  let thinking = 0;
  let files = 0;
  for (const message of messages) {
    if (typeof message.content === 'string') {
      history += chars(message.content);
      continue;
    }
    for (const block of message.content) {
      const kind = kindOf(block);
      if (kind === 'attachment') files += 1;
      else if (kind === 'thinking') thinking += chars(block.type === 'thinking' ? block.thinking : '');
      else history += chars(JSON.stringify(block));
    }
  }
  const text = system + tools + history + thinking;
  if (files > 0 && text <= total) return { system, tools, history, thinking, attachments: total - text };
  // No attachments (or text alone already exceeds the total): scale the text estimates to the exact total.
  const scale = text === 0 ? 0 : total / text;
  const scaled = { system: Math.round(system * scale), tools: Math.round(tools * scale), thinking: Math.round(thinking * scale), attachments: 0 };
  return { ...scaled, history: Math.max(0, total - scaled.system - scaled.tools - scaled.thinking) };
}

function kindOf(block: ContentBlockParam): 'attachment' | 'thinking' | 'other' {
  if (block.type === 'image' || block.type === 'document') return 'attachment';
  if (block.type === 'thinking' || block.type === 'redacted_thinking') return 'thinking';
  return 'other';
}

function chars(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}
