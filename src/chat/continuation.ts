// Resuming a cut-off answer, the way the API documents for each model:
// Claude 4.5 and earlier take the partial text as a trailing assistant
// message (prefill); Claude 4.6 and later reject prefill, so they get a user
// message carrying the partial text and an instruction to continue. Tool-use
// and thinking blocks cannot be resumed partially, so the answer resumes
// from its last text block. Pure.
import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { modelTraits } from '../settings';
import type { AssistantMessage } from '../store';

export const CONTINUE_INSTRUCTION =
  'Your previous answer was cut off. Continue it from exactly where it stopped, without repeating anything and without any preamble. It ended with:';

/** The text to resume from: every text block of the answer up to its last one, joined. */
export function resumableText(message: AssistantMessage): string {
  return message.stream.blocks.flatMap((block) => (block.kind === 'text' ? [block.block.text] : [])).join('');
}

/** A cut-off answer with text to resume from: failed, stopped, interrupted, or stopped by max_tokens. */
export function canContinue(message: AssistantMessage): boolean {
  const { status, header } = message.stream;
  const cutOff = status === 'error' || status === 'stopped' || status === 'interrupted' || (status === 'complete' && header?.stop_reason === 'max_tokens');
  return cutOff && resumableText(message).trim() !== '';
}

/**
 * The request messages for a continuation. `before` is the conversation up to
 * (not including) the partial answer.
 */
export function continuationMessages(before: MessageParam[], partial: AssistantMessage, model: string): MessageParam[] {
  const text = resumableText(partial);
  if (modelTraits(model).acceptsPrefill) {
    // The API rejects a prefill that ends in whitespace.
    return [...before, { role: 'assistant', content: text.trimEnd() }];
  }
  return [...before, { role: 'user', content: `${CONTINUE_INSTRUCTION}\n\n${text}` }];
}
