// A conversation as Markdown, for reading: the visible branch only, roles as
// headings, thinking folded into a quote, tool calls and results as fenced
// JSON. Pure. (The JSON export is the complete one.)
import { toolInputOf, type BlockState } from '../protocol';
import { visiblePath, type ChatMessage, type ConversationMeta } from '../store';

export function toMarkdown(meta: ConversationMeta, messages: readonly ChatMessage[]): string {
  const byId = Object.fromEntries(messages.map((m) => [m.id, m]));
  const path = visiblePath(byId, meta.selection).flatMap((id) => byId[id] ?? []);
  const out = [`# ${meta.title === '' ? 'New chat' : meta.title}`, '', `_Model: ${meta.settings.model} · started ${new Date(meta.createdAt).toISOString()}_`];
  if (meta.settings.system.trim() !== '') out.push('', '**System prompt:**', '', quote(meta.settings.system));
  for (const message of path) out.push('', ...section(message));
  return `${out.join('\n')}\n`;
}

function section(message: ChatMessage): string[] {
  switch (message.role) {
    case 'user': {
      const files = (message.attachments ?? []).map((a) => `- attached: ${a.name} (${a.mediaType}, ${a.size} bytes)`);
      return ['## User', '', ...(files.length > 0 ? [...files, ''] : []), message.text];
    }
    case 'assistant': {
      const heading = message.continuationOf === undefined ? ['## Claude', ''] : [];
      const body = message.stream.blocks.flatMap((block) => ['', ...blockLines(block)]).slice(1);
      const status = message.stream.status === 'complete' ? [] : ['', `_(${message.stream.status})_`];
      return [...heading, ...body, ...status];
    }
    case 'tool_results':
      return ['## Tool results', '', ...message.results.flatMap((r) => [fence({ tool_use_id: r.toolUseId, name: r.name, content: r.content, is_error: r.isError }), ''])].slice(0, -1);
    case 'notice':
      return [`> _${message.text}_`];
    default: {
      const unreachable: never = message;
      return unreachable;
    }
  }
}

function blockLines(block: BlockState): string[] {
  switch (block.kind) {
    case 'text':
      return [block.block.text];
    case 'thinking':
      return ['> **Thinking**', '>', quote(block.block.thinking)];
    case 'tool_input':
      return [`**Tool call:** \`${block.block.name}\``, '', fence(toolInputOf(block))];
    case 'opaque':
      return [`**${block.block.type}**`, '', fence(block.block)];
    default: {
      const unreachable: never = block;
      return unreachable;
    }
  }
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

function fence(value: unknown): string {
  const json = JSON.stringify(value, null, 2) ?? 'null';
  // A longer fence than any backtick run inside keeps the block closed.
  const longest = Math.max(2, ...(json.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}json\n${json}\n${ticks}`;
}
