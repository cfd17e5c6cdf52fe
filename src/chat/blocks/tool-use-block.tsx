import { lazy, Suspense } from 'react';
import { toolInputOf, type BlockState } from '../../protocol';

/** The server tools with a view of their own (server-tool-use-block.tsx); others are shown as a generic tool call. */
const SERVER_TOOL_VIEWS: ReadonlySet<string> = new Set(['web_search', 'web_fetch', 'code_execution', 'bash_code_execution', 'text_editor_code_execution']);

/** Loaded when Claude first uses one of its own tools (most answers never do). */
const ServerToolUseBlock = lazy(() =>
  import('./server-tool-use-block').then(
    (module) => ({ default: module.ServerToolUseBlock }),
    // Where its code cannot load (the app was updated while the page was open), the generic view below.
    () => ({ default: GenericToolUse }),
  ),
);

/** The tool's name at once, then its input growing as it streams (best-effort partial JSON), then the final value. */
export function ToolUseBlock({ state }: { readonly state: Extract<BlockState, { kind: 'tool_input' }> }) {
  if (state.block.type === 'server_tool_use' && SERVER_TOOL_VIEWS.has(state.block.name)) {
    return (
      <Suspense fallback={<ToolName name={state.block.name} />}>
        <ServerToolUseBlock state={state} />
      </Suspense>
    );
  }
  return <GenericToolUse state={state} />;
}

function GenericToolUse({ state }: { readonly state: Extract<BlockState, { kind: 'tool_input' }> }) {
  const input = toolInputOf(state);
  return (
    <div data-block={state.block.type} data-complete={state.closed} className="rounded-lg border border-amber-200 bg-amber-50/60 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950/30">
      <div className="flex items-center gap-2 font-medium text-amber-900 dark:text-amber-200">
        <ToolIcon />
        <span className="font-mono">{state.block.name}</span>
        {!state.closed && <span className="text-xs font-normal text-amber-800 dark:text-amber-300">receiving input…</span>}
      </div>
      <pre data-testid="tool-input" tabIndex={0} className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap break-words font-mono text-xs">
        <JsonView value={input} />
      </pre>
      {state.inputError !== null && (
        <p role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
          {state.inputError}
        </p>
      )}
    </div>
  );
}

/** Pretty-printed JSON with keys, strings and numbers coloured. */
export function JsonView({ value }: { readonly value: unknown }) {
  const text = JSON.stringify(value, null, 2) ?? '';
  const parts = text.split(/("(?:[^"\\]|\\.)*"(?=\s*:)|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\btrue\b|\bfalse\b|\bnull\b)/g);
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return part;
        const isKey = /^"/.test(part) && /^\s*:/.test(parts[i + 1] ?? '');
        const colour = isKey
          ? 'text-sky-800 dark:text-sky-300'
          : part.startsWith('"')
            ? 'text-emerald-800 dark:text-emerald-300'
            : 'text-orange-800 dark:text-orange-300';
        return (
          <span key={i} className={colour}>
            {part}
          </span>
        );
      })}
    </>
  );
}

function ToolName({ name }: { readonly name: string }) {
  return <p className="font-mono text-sm text-stone-600 dark:text-stone-400">{name}</p>;
}

function ToolIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 fill-none stroke-current stroke-2">
      <path d="M12.5 3.5a4 4 0 0 0-5 5L3 13v4h4l4.5-4.5a4 4 0 0 0 5-5l-2.5 2.5-2.5-.5-.5-2.5z" strokeLinejoin="round" />
    </svg>
  );
}
