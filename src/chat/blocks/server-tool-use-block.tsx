// Claude's own tool calls (server_tool_use) as their input streams: the query,
// the URL, or the code (highlighted as it grows), read from the best-effort
// partial JSON like client tool input.
import type { ReactNode } from 'react';
import { CodeBlock } from '../../markdown';
import { toolInputOf, type BlockState } from '../../protocol';
import { languageForPath } from '../server-tool-view';

type ToolInputState = Extract<BlockState, { kind: 'tool_input' }>;

const field = (input: unknown, key: string): string | null => {
  const value = (input as Record<string, unknown> | null | undefined)?.[key];
  return typeof value === 'string' ? value : null;
};

export function ServerToolUseBlock({ state }: { readonly state: ToolInputState }) {
  const input = toolInputOf(state);
  const live = !state.closed;
  const common = { 'data-block': state.block.type, 'data-tool': state.block.name, 'data-complete': state.closed };
  switch (state.block.name) {
    case 'web_search': {
      const query = field(input, 'query');
      return (
        <div {...common} className="flex items-center gap-2 text-sm text-sky-800 dark:text-sky-300">
          <SearchIcon />
          <span data-testid="server-tool-input">
            Searching the web{query !== null && query !== '' ? <>: <q className="font-medium">{query}</q></> : '…'}
          </span>
        </div>
      );
    }
    case 'web_fetch': {
      const url = field(input, 'url');
      return (
        <div {...common} className="flex items-center gap-2 text-sm text-sky-800 dark:text-sky-300">
          <PageIcon />
          <span data-testid="server-tool-input" className="min-w-0 break-all">
            {live ? 'Fetching' : 'Fetched'} {url !== null && url !== '' ? <span className="font-mono text-xs">{url}</span> : 'a page…'}
          </span>
        </div>
      );
    }
    case 'code_execution': {
      const code = field(input, 'code') ?? '';
      return (
        <Section common={common} title={live ? 'Writing Python…' : 'Python'}>
          <div data-testid="server-tool-input">
            <CodeBlock code={code} lang="python" live={live} />
          </div>
        </Section>
      );
    }
    case 'bash_code_execution': {
      const command = field(input, 'command') ?? '';
      return (
        <Section common={common} title={live ? 'Writing a command…' : 'Command'}>
          <pre data-testid="server-tool-input" tabIndex={0} className="overflow-x-auto rounded-md bg-stone-900 p-2 font-mono text-xs text-stone-100">
            <span aria-hidden className="select-none text-emerald-400">$ </span>
            {command}
          </pre>
        </Section>
      );
    }
    case 'text_editor_code_execution': {
      const command = field(input, 'command') ?? '';
      const path = field(input, 'path') ?? '';
      const text = field(input, 'file_text') ?? field(input, 'new_str');
      const verb = command === 'create' ? 'Writing' : command === 'view' ? 'Reading' : command === 'str_replace' ? 'Editing' : 'Opening';
      return (
        <Section common={common} title={`${verb} ${path === '' ? 'a file' : path}`}>
          <div data-testid="server-tool-input">{text !== null && <CodeBlock code={text} lang={languageForPath(path)} live={live} />}</div>
        </Section>
      );
    }
    default:
      return null;
  }
}

function Section({ common, title, children }: { readonly common: Record<string, unknown>; readonly title: string; readonly children: ReactNode }) {
  return (
    <div {...common} className="rounded-lg border border-emerald-200 bg-emerald-50/40 px-3 py-2 text-sm dark:border-emerald-900 dark:bg-emerald-950/20">
      <div className="mb-1 flex items-center gap-2 font-medium text-emerald-900 dark:text-emerald-200">
        <TerminalIcon />
        <span>{title}</span>
      </div>
      {children}
    </div>
  );
}

function SearchIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 shrink-0 fill-none stroke-current stroke-2">
      <circle cx="8.5" cy="8.5" r="5.5" />
      <path d="M13 13l4.5 4.5" strokeLinecap="round" />
    </svg>
  );
}

function PageIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 shrink-0 fill-none stroke-current stroke-2">
      <path d="M5 2.5h7l3 3v12H5z M12 2.5v3h3" strokeLinejoin="round" />
    </svg>
  );
}

function TerminalIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4 shrink-0 fill-none stroke-current stroke-2">
      <path d="M3 4.5h14v11H3z M6 8l2.5 2L6 12 M10 12h4" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
