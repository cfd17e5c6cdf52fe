// Results of Claude's own tools, which arrive whole: a fetched page as a card
// (title, URL, when it was retrieved, a collapsed preview), code output as a
// console (stdout, stderr, exit code, files the container created), and
// errors as sentences.
import { formatRetrievedAt, readServerToolResult } from '../server-tool-view';

export function ServerToolResultBlock({ block }: { readonly block: { readonly type: string; readonly content?: unknown } }) {
  const result = readServerToolResult(block.type, block.content);
  switch (result.kind) {
    case 'error':
      return (
        <p data-block={block.type} data-error-code={result.code} role="alert" className="rounded-lg border border-red-200 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:text-red-300">
          {result.sentence}
        </p>
      );
    case 'fetch':
      return (
        <div data-block={block.type} className="rounded-lg border border-sky-200 bg-sky-50/50 px-3 py-2 text-sm dark:border-sky-900 dark:bg-sky-950/30">
          <a href={result.url} target="_blank" rel="noreferrer noopener" data-testid="fetch-title" className="font-medium text-sky-800 hover:underline dark:text-sky-300">
            {result.title ?? result.url}
          </a>
          <div className="mt-0.5 break-all font-mono text-xs text-stone-600 dark:text-stone-400">{result.url}</div>
          {result.retrievedAt !== null && (
            <div className="text-xs text-stone-600 dark:text-stone-400">
              Retrieved <time dateTime={result.retrievedAt}>{formatRetrievedAt(result.retrievedAt)}</time>
            </div>
          )}
          {result.preview !== '' ? (
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-stone-700 dark:text-stone-300">Preview</summary>
              <pre tabIndex={0} className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-words text-xs">{result.preview}</pre>
            </details>
          ) : (
            result.mediaType !== null && <div className="text-xs text-stone-600 dark:text-stone-400">{result.mediaType} (no text preview)</div>
          )}
        </div>
      );
    case 'execution':
      return (
        <div data-block={block.type} className="overflow-hidden rounded-lg border border-stone-300 text-sm dark:border-stone-700">
          <div className="flex items-center justify-between bg-stone-100 px-3 py-1 text-xs text-stone-700 dark:bg-stone-800 dark:text-stone-300">
            <span>Output</span>
            {result.returnCode !== null && (
              <span data-testid="return-code" className={result.returnCode === 0 ? '' : 'font-medium text-red-700 dark:text-red-400'}>
                exit code {result.returnCode}
              </span>
            )}
          </div>
          <pre data-testid="console" tabIndex={0} className="max-h-80 overflow-auto whitespace-pre-wrap break-words bg-stone-900 p-2 font-mono text-xs text-stone-100">
            {result.encrypted ? <span className="italic text-stone-400">(standard output is encrypted and only Claude can read it)</span> : <span data-testid="stdout">{result.stdout}</span>}
            {result.stderr !== '' && (
              <span data-testid="stderr" className="text-red-300">
                {result.stdout.endsWith('\n') || result.stdout === '' ? '' : '\n'}
                {result.stderr}
              </span>
            )}
            {!result.encrypted && result.stdout === '' && result.stderr === '' && <span className="italic text-stone-400">(no output)</span>}
          </pre>
          {result.fileIds.length > 0 && (
            <div className="px-3 py-2 text-xs">
              <div className="font-medium">Files created in the container</div>
              <ul data-testid="container-files" className="mt-1 list-disc pl-5 font-mono">
                {result.fileIds.map((id) => (
                  <li key={id}>{id}</li>
                ))}
              </ul>
              <p className="mt-1 text-stone-600 dark:text-stone-400">Downloading them needs the Files API, which this app does not use: fetch them by id with your API key.</p>
            </div>
          )}
        </div>
      );
    case 'editor':
      return (
        <div data-block={block.type} className="text-xs text-stone-600 dark:text-stone-400">
          {result.summary}
          {result.content !== null && <pre tabIndex={0} className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap rounded border border-stone-200 p-2 font-mono dark:border-stone-700">{result.content}</pre>}
        </div>
      );
    case 'other':
      return (
        <div data-block={block.type} className="rounded-lg border border-stone-200 px-3 py-2 text-sm dark:border-stone-700">
          <div className="font-mono text-xs text-stone-600 dark:text-stone-400">{block.type}</div>
          <pre tabIndex={0} className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-words text-xs">{JSON.stringify(block, null, 2)}</pre>
        </div>
      );
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}
