import { useMemo, useState } from 'react';
import { encodeSseFile, recordEntries, type StreamRecord } from '../record';
import { downloadFile } from '../ui';
import { byteLength, cumulativeOutput, stalls } from './analyze';
import { RecordDetails } from './record-details';
import { StreamChart } from './stream-chart';

const PAGE = 300;
const STALL_MS = 1000;

export function InspectorView({ record, messageId }: { readonly record: StreamRecord; readonly messageId: string }) {
  const [filter, setFilter] = useState('all');
  const [shown, setShown] = useState(PAGE);
  const entries = useMemo(() => recordEntries(record), [record]);
  const types = useMemo(() => [...new Set(entries.map((e) => e.event))], [entries]);
  const visible = filter === 'all' ? entries : entries.filter((e) => e.event === filter);
  const points = useMemo(() => cumulativeOutput(entries), [entries]);
  const gaps = useMemo(() => stalls(entries, STALL_MS), [entries]);
  const totalMs = record.marks.lastByte ?? entries.at(-1)?.at ?? 0;
  const firstToken = points[0]?.at ?? null;
  return (
    <div className="flex flex-col gap-3 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-xs text-stone-600 dark:text-stone-400">
          {entries.length} events · {byteLength(record.body)} B · {totalMs.toFixed(0)} ms · stalls over {STALL_MS} ms are shaded
        </p>
        <button type="button" className="btn-secondary ml-auto" disabled={record.end === null} title={record.end === null ? 'Available once the stream has ended' : undefined} onClick={() => downloadFile(`${messageId}.sse`, 'text/event-stream', encodeSseFile(record))}>
          Export .sse
        </button>
      </div>
      <StreamChart points={points} stalls={gaps} totalMs={totalMs} firstTokenMs={firstToken} />
      <RecordDetails record={record} />
      <label className="flex items-center gap-2">
        <span>Event type</span>
        <select value={filter} onChange={(e) => setFilter(e.target.value)} className="field">
          <option value="all">all ({entries.length})</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {t} ({entries.filter((e) => e.event === t).length})
            </option>
          ))}
        </select>
      </label>
      {entries.length === 0 && record.body !== '' && (
        <pre tabIndex={0} aria-label="Response body" className="max-h-60 overflow-auto whitespace-pre-wrap break-all rounded-lg border border-stone-200 bg-stone-50 px-2 py-1 font-mono text-xs dark:border-stone-700 dark:bg-stone-900">
          {record.body}
        </pre>
      )}
      <ol className="flex flex-col divide-y divide-stone-200 rounded-lg border border-stone-200 font-mono text-xs dark:divide-stone-700 dark:border-stone-700" data-testid="event-list">
        {visible.slice(0, shown).map((entry, i) => (
          <li key={i} data-event={entry.event}>
            <details>
              <summary className="flex cursor-pointer gap-3 px-2 py-1 hover:bg-stone-100 dark:hover:bg-stone-800">
                <span className="w-20 shrink-0 text-right tabular-nums">+{entry.at.toFixed(1)} ms</span>
                <span className="grow">{entry.event}</span>
                <span className="tabular-nums text-stone-600 dark:text-stone-400">{byteLength(entry.data)} B</span>
              </summary>
              <pre tabIndex={0} className="overflow-x-auto whitespace-pre-wrap break-all bg-stone-50 px-2 py-1 dark:bg-stone-900">{pretty(entry.data)}</pre>
            </details>
          </li>
        ))}
      </ol>
      {visible.length > shown && (
        <button type="button" className="btn-secondary self-start" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, visible.length - shown)} more of {visible.length - shown}
        </button>
      )}
    </div>
  );
}

function pretty(data: string): string {
  try {
    return JSON.stringify(JSON.parse(data), null, 2);
  } catch {
    return data;
  }
}
