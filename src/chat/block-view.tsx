// One content block. Each subscribes to its own block only, so a text delta
// re-renders the block that grew and nothing else.
import { memo } from 'react';
import { toolInputOf, type BlockState } from '../protocol';
import { selectBlock, useChatStore } from '../store';

export const BlockView = memo(function BlockView({ messageId, index }: { readonly messageId: string; readonly index: number }) {
  const state = useChatStore((s) => selectBlock(s, messageId, index));
  if (state === undefined) return null;
  return <BlockBody state={state} />;
});

function BlockBody({ state }: { readonly state: BlockState }) {
  switch (state.kind) {
    case 'text':
      return (
        <div data-block="text" className="whitespace-pre-wrap break-words leading-relaxed">
          {state.block.text}
        </div>
      );
    case 'thinking':
      return (
        <details data-block="thinking" open={!state.closed} className="rounded-lg border border-violet-200 bg-violet-50/60 px-3 py-2 text-sm dark:border-violet-800 dark:bg-violet-950/40">
          <summary className="cursor-pointer select-none font-medium text-violet-800 dark:text-violet-300">
            {state.closed ? 'Thinking' : 'Thinking…'}
          </summary>
          <div className="mt-2 whitespace-pre-wrap text-stone-700 dark:text-stone-300">{state.block.thinking}</div>
        </details>
      );
    case 'tool_input':
      return <ToolCall state={state} />;
    case 'opaque':
      return (
        <div data-block={state.block.type} className="rounded-lg border border-stone-200 px-3 py-2 text-sm dark:border-stone-700">
          <div className="font-mono text-xs text-stone-500">{state.block.type}</div>
          {state.block.type === 'redacted_thinking' ? (
            <p className="italic text-stone-500">Some of Claude's reasoning was redacted for safety.</p>
          ) : (
            <pre className="mt-1 max-h-64 overflow-auto text-xs">{JSON.stringify(state.block, null, 2)}</pre>
          )}
        </div>
      );
    default:
      return null;
  }
}

function ToolCall({ state }: { readonly state: Extract<BlockState, { kind: 'tool_input' }> }) {
  const input = toolInputOf(state);
  return (
    <div data-block={state.block.type} className="rounded-lg border border-amber-200 bg-amber-50/60 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950/30">
      <div className="flex items-center gap-2 font-medium text-amber-900 dark:text-amber-200">
        <span aria-hidden>⚙</span>
        <span className="font-mono">{state.block.name}</span>
        {!state.closed && <span className="text-xs font-normal text-amber-700 dark:text-amber-400">receiving input…</span>}
      </div>
      <pre data-testid="tool-input" className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap font-mono text-xs">
        {JSON.stringify(input, null, 2)}
      </pre>
      {state.inputError !== null && <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">{state.inputError}</p>}
    </div>
  );
}
