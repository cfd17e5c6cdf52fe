import { useState } from 'react';
import { selectMessage, useChatStore, type ToolResultEntry } from '../store';
import { JsonView } from './blocks/tool-use-block';
import { approveToolCall, denyToolCall, submitToolResult } from './tool-actions';

/** The user turn answering a tool_use stop: one card per call. */
export function ToolResultsView({ id }: { readonly id: string }) {
  const message = useChatStore((s) => selectMessage(s, id));
  if (message?.role !== 'tool_results') return null;
  return (
    <article data-role="tool_results" data-status={message.results.every((r) => r.state === 'done') ? 'complete' : 'awaiting'} className="flex flex-col gap-2">
      {message.results.map((entry) => (
        <ToolResultCard key={entry.toolUseId} messageId={id} entry={entry} />
      ))}
    </article>
  );
}

function ToolResultCard({ messageId, entry }: { readonly messageId: string; readonly entry: ToolResultEntry }) {
  const tone = entry.state !== 'done'
    ? 'border-stone-300 dark:border-stone-600'
    : entry.isError
      ? 'border-red-300 bg-red-50/60 dark:border-red-800 dark:bg-red-950/30'
      : 'border-emerald-300 bg-emerald-50/60 dark:border-emerald-800 dark:bg-emerald-950/30';
  return (
    <div data-block="tool_result" data-is-error={entry.isError} data-state={entry.state} className={`rounded-lg border px-3 py-2 text-sm ${tone}`}>
      <div className="flex items-center gap-2 text-xs font-medium text-stone-700 dark:text-stone-300">
        <span className="font-mono">{entry.name}</span>
        <span>{entry.state === 'done' ? (entry.isError ? 'failed' : 'result') : entry.state === 'awaiting_approval' ? 'wants to run' : 'needs your result'}</span>
      </div>
      {entry.state === 'done' && <pre tabIndex={0} className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-words font-mono text-xs">{entry.content}</pre>}
      {entry.state === 'awaiting_approval' && <Approval messageId={messageId} entry={entry} />}
      {entry.state === 'awaiting_input' && <ManualResult messageId={messageId} entry={entry} />}
    </div>
  );
}

function Approval({ messageId, entry }: { readonly messageId: string; readonly entry: ToolResultEntry }) {
  return (
    <div className="mt-2 flex flex-col gap-2">
      <pre tabIndex={0} className="max-h-40 overflow-auto whitespace-pre-wrap font-mono text-xs">
        <JsonView value={entry.input} />
      </pre>
      <div className="flex gap-2">
        <button type="button" onClick={() => approveToolCall(messageId, entry.toolUseId)} className="btn-primary">
          Run {entry.name}
        </button>
        <button type="button" onClick={() => denyToolCall(messageId, entry.toolUseId)} className="btn-secondary">
          Decline
        </button>
      </div>
    </div>
  );
}

function ManualResult({ messageId, entry }: { readonly messageId: string; readonly entry: ToolResultEntry }) {
  const [text, setText] = useState('');
  const [isError, setIsError] = useState(false);
  return (
    <form
      className="mt-2 flex flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        submitToolResult(messageId, entry.toolUseId, text, isError);
      }}
    >
      <pre tabIndex={0} className="max-h-40 overflow-auto whitespace-pre-wrap font-mono text-xs">
        <JsonView value={entry.input} />
      </pre>
      <label className="flex flex-col gap-1 text-xs">
        <span>Result of {entry.name}</span>
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} className="field font-mono" />
      </label>
      <div className="flex items-center gap-3">
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={isError} onChange={(e) => setIsError(e.target.checked)} /> Report as an error
        </label>
        <button type="submit" className="btn-primary ml-auto">
          Send result
        </button>
      </div>
    </form>
  );
}
