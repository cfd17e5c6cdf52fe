// The user's side of tool calls: approve, decline, or type a result. The turn
// waits until every call of a tool_results message is done.
import { useChatStore, type ToolResultEntry } from '../store';
import { runTool } from './tool-calls';
import { toolRunner } from './tools-in-use';

/**
 * Resolves true once every entry of the tool_results message is done, false
 * when `cancel` is called first (the user stopped the turn). The store says
 * when entries change; nothing outside the waiting turn holds the wait.
 */
export function waitForToolResults(messageId: string, onCancel: (cancel: () => void) => void): Promise<boolean> {
  if (isResolved(messageId)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const unsubscribe = useChatStore.subscribe(() => {
      if (!isResolved(messageId)) return;
      unsubscribe();
      resolve(true);
    });
    onCancel(() => {
      unsubscribe();
      resolve(false);
    });
  });
}

function isResolved(messageId: string): boolean {
  const message = useChatStore.getState().messages[messageId];
  return message?.role === 'tool_results' && message.results.every((r) => r.state === 'done');
}

function updateEntry(messageId: string, toolUseId: string, change: (entry: ToolResultEntry) => ToolResultEntry): void {
  useChatStore.setState((s) => {
    const message = s.messages[messageId];
    if (message?.role !== 'tool_results') return {};
    const results = message.results.map((r) => (r.toolUseId === toolUseId && r.state !== 'done' ? change(r) : r));
    return { messages: { ...s.messages, [messageId]: { ...message, results } } };
  });
}

export function approveToolCall(messageId: string, toolUseId: string): void {
  updateEntry(messageId, toolUseId, (entry) => ({ ...entry, ...runTool(toolRunner, entry.name, entry.input) }));
}

export function denyToolCall(messageId: string, toolUseId: string): void {
  updateEntry(messageId, toolUseId, (entry) => ({ ...entry, state: 'done', isError: true, content: 'The user declined to run this tool.' }));
}

export function submitToolResult(messageId: string, toolUseId: string, content: string, isError: boolean): void {
  updateEntry(messageId, toolUseId, (entry) => ({ ...entry, state: 'done', content, isError }));
}
