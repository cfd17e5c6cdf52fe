// Messages <-> stored messages. The only non-data part of a message is the
// tool-input parser; it is dropped on save and rebuilt by pushing the raw
// JSON on load. A message saved while streaming was cut off by a reload or
// a closed tab: it comes back interrupted, so Retry and Continue are offered.
import { PartialJsonParser, type BlockState } from '../protocol';
import type { ChatMessage } from '../store';
import type { StoredBlock, StoredMessage } from './records';

export function toStoredMessage(message: ChatMessage): StoredMessage {
  if (message.role !== 'assistant') return message;
  const { resume } = message;
  // A streaming answer's event times are a view on a growing buffer: stored as a plain list of their own
  // (a view would store the whole buffer; a list also survives a JSON export).
  const stored = resume?.times === undefined ? {} : { resume: { ...resume, times: Array.from(resume.times) } };
  return { ...message, ...stored, stream: { ...message.stream, blocks: message.stream.blocks.map(toStoredBlock) } };
}

function toStoredBlock(block: BlockState): StoredBlock {
  if (block.kind !== 'tool_input') return block;
  const { parser: _parser, ...rest } = block;
  return rest;
}

export function fromStoredMessage(message: StoredMessage): ChatMessage {
  if (message.role !== 'assistant') return message;
  const stream = { ...message.stream, blocks: message.stream.blocks.map(fromStoredBlock) };
  if (stream.status !== 'streaming') return { ...message, stream };
  // Its clock readings belong to the page that streamed it; end it at its last event so durations stay true.
  const completedAt = stream.timing.lastEventAt ?? stream.timing.requestStartedAt;
  return { ...message, stream: { ...stream, status: 'interrupted', error: stream.error ?? { kind: 'incomplete' }, timing: { ...stream.timing, completedAt } } };
}

function fromStoredBlock(block: StoredBlock): BlockState {
  if (block.kind !== 'tool_input') return block;
  const parser = new PartialJsonParser();
  parser.push(block.json);
  return { ...block, parser };
}

/** The searchable text of a message: what the user and Claude wrote, and tool results. */
export function messageText(message: StoredMessage | ChatMessage): string {
  switch (message.role) {
    case 'user':
      return message.text;
    case 'assistant':
      return message.stream.blocks.map((b) => (b.kind === 'text' ? b.block.text : b.kind === 'thinking' ? b.block.thinking : '')).join('\n');
    case 'tool_results':
      return message.results.map((r) => r.content).join('\n');
    case 'notice':
      return '';
    default: {
      const unreachable: never = message;
      return unreachable;
    }
  }
}
