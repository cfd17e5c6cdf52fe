// A tool_use stop -> the tool_result entries to fill. Pure.
import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import type { AssistantMessage, ToolResultEntry } from '../store';
import { toolInputOf } from '../protocol';

export interface ToolRunner {
  /** Runs a built-in tool; errors are values. */
  run(name: string, input: unknown): { readonly ok: true; readonly content: string } | { readonly ok: false; readonly error: string };
}

export function toolCallsOf(message: AssistantMessage): Array<{ id: string; name: string; input: unknown }> {
  return message.stream.blocks.flatMap((block) =>
    block.kind === 'tool_input' && block.block.type === 'tool_use' ? [{ id: block.block.id, name: block.block.name, input: toolInputOf(block) }] : [],
  );
}

/**
 * Built-in tools run now (or wait for approval); user-defined tools wait for
 * the user to type a result; a tool the request never offered is answered
 * with an error so the conversation stays valid.
 */
export function planToolResults(
  message: AssistantMessage,
  builtinNames: ReadonlySet<string>,
  customTools: readonly Tool[],
  approval: 'auto' | 'ask',
  runner: ToolRunner,
): ToolResultEntry[] {
  return toolCallsOf(message).map(({ id, name, input }) => {
    const base = { toolUseId: id, name, input, content: '', isError: false };
    if (builtinNames.has(name)) {
      if (approval === 'ask') return { ...base, builtin: true, state: 'awaiting_approval' };
      return { ...base, ...runTool(runner, name, input), builtin: true };
    }
    if (customTools.some((tool) => tool.name === name)) return { ...base, builtin: false, state: 'awaiting_input' };
    return { ...base, builtin: false, state: 'done', isError: true, content: `No tool named "${name}" is available.` };
  });
}

export function runTool(runner: ToolRunner, name: string, input: unknown): Pick<ToolResultEntry, 'state' | 'content' | 'isError'> {
  const outcome = runner.run(name, input);
  return outcome.ok ? { state: 'done', content: outcome.content, isError: false } : { state: 'done', content: outcome.error, isError: true };
}
