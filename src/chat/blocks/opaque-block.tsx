import { lazy, Suspense } from 'react';
import type { BlockState } from '../../protocol';
import { errorSentence, RENDERED_RESULT_TYPES } from '../server-tool-view';

/** Loaded when the first result of one of Claude's own tools arrives (most answers have none). */
const ServerToolResultBlock = lazy(() =>
  import('./server-tool-result-block').then(
    (module) => ({ default: module.ServerToolResultBlock }),
    // Where its code cannot load (the app was updated while the page was open), the block verbatim.
    () => ({ default: VerbatimBlock }),
  ),
);

/** Blocks without deltas: redacted thinking, server tool results (server-tool-result-block.tsx), and block types this app does not know (shown verbatim). */
export function OpaqueBlock({ state }: { readonly state: Extract<BlockState, { kind: 'opaque' }> }) {
  const block = state.block;
  if (block.type === 'redacted_thinking') {
    return (
      <p data-block="redacted_thinking" className="rounded-lg border border-violet-200 px-3 py-2 text-sm italic text-stone-600 dark:border-violet-800 dark:text-stone-400">
        Part of Claude's reasoning was redacted for safety. It is kept and sent back unchanged.
      </p>
    );
  }
  if (block.type === 'web_search_tool_result') return <SearchResults block={block} />;
  if (RENDERED_RESULT_TYPES.has(block.type)) {
    return (
      <Suspense fallback={<p className="font-mono text-xs text-stone-600 dark:text-stone-400">{block.type}</p>}>
        <ServerToolResultBlock block={block as { type: string; content?: unknown }} />
      </Suspense>
    );
  }
  return <VerbatimBlock block={block} />;
}

function VerbatimBlock({ block }: { readonly block: { readonly type: string } }) {
  return (
    <div data-block={block.type} className="rounded-lg border border-stone-200 px-3 py-2 text-sm dark:border-stone-700">
      <div className="font-mono text-xs text-stone-600 dark:text-stone-400">{block.type}</div>
      <pre tabIndex={0} className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-words text-xs">{JSON.stringify(block, null, 2)}</pre>
    </div>
  );
}

interface SearchResult {
  readonly url?: unknown;
  readonly title?: unknown;
  readonly page_age?: unknown;
}

function SearchResults({ block }: { readonly block: { readonly type: string; readonly content?: unknown } }) {
  const content = block.content;
  if (!Array.isArray(content)) {
    const code = (content as { error_code?: unknown } | undefined)?.error_code;
    return (
      <p data-block="web_search_tool_result" data-error-code={typeof code === 'string' ? code : undefined} role="alert" className="text-sm text-red-700 dark:text-red-400">
        {typeof code === 'string' ? errorSentence('web_search_tool_result', code) : 'The web search failed.'}
      </p>
    );
  }
  return (
    <div data-block="web_search_tool_result" className="rounded-lg border border-sky-200 bg-sky-50/50 px-3 py-2 text-sm dark:border-sky-900 dark:bg-sky-950/30">
      <div className="mb-1 text-xs font-medium text-sky-900 dark:text-sky-300">{content.length} search results</div>
      <ol className="flex list-decimal flex-col gap-1 pl-5">
        {(content as SearchResult[]).map((result, i) => {
          const url = typeof result.url === 'string' ? result.url : '';
          return (
            <li key={i}>
              <a href={url} target="_blank" rel="noreferrer noopener" className="text-sky-800 hover:underline dark:text-sky-300">
                {typeof result.title === 'string' ? result.title : url}
              </a>
              <span className="ml-2 text-xs text-stone-600 dark:text-stone-400">{hostOf(url)}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
