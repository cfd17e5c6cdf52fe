// What the record holds beside the events: the request as sent, the
// response's status and headers, and the rate limits they report.
import { rateLimitsOf, type StreamRecord } from '../record';

export function RecordDetails({ record }: { readonly record: StreamRecord }) {
  const { request, response, marks } = record;
  const limits = response === null ? [] : rateLimitsOf(response.headers);
  const at = (ms: number | null) => (ms === null ? '—' : `+${ms.toFixed(1)} ms`);
  return (
    <div className="grid gap-3 text-xs sm:grid-cols-2">
      <section aria-label="Timing">
        <h3 className="mb-1 font-semibold">Timing</h3>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 font-mono tabular-nums">
          <dt>Sent</dt>
          <dd>{new Date(record.sentAt).toISOString()}</dd>
          <dt>First byte</dt>
          <dd>{at(marks.firstByte)}</dd>
          <dt>First content delta</dt>
          <dd>{at(marks.firstContentDelta)}</dd>
          <dt>Last byte</dt>
          <dd>{at(marks.lastByte)}</dd>
          <dt>End</dt>
          <dd>{record.end === null ? 'still streaming' : record.end.kind === 'failed' ? `failed (${record.end.error.kind})` : record.end.kind}</dd>
        </dl>
      </section>
      <section aria-label="Rate limits" data-testid="rate-limit-summary">
        <h3 className="mb-1 font-semibold">Rate limits</h3>
        {limits.length === 0 ? (
          <p>The response reported none.</p>
        ) : (
          <table className="w-full font-mono tabular-nums">
            <tbody>
              {limits.map((limit) => (
                <tr key={limit.name} data-limit={limit.name}>
                  <th scope="row" className="pr-2 text-left font-normal">
                    {limit.name}
                  </th>
                  <td data-field="remaining">{limit.remaining ?? '—'}</td>
                  <td>of</td>
                  <td data-field="limit">{limit.limit ?? '—'}</td>
                  <td data-field="reset">{limit.resetsAt === null ? '' : `resets ${resetText(limit.resetsAt, record.sentAt)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <details className="sm:col-span-2" data-testid="record-request">
        <summary className="cursor-pointer font-semibold">
          Request {request === null ? '(not in this record: sent by a page that was reloaded before the answer ended, or not in the imported file)' : `${request.method} ${request.path}`}
        </summary>
        {request !== null && (
          <>
            <HeaderTable headers={request.headers} />
            <pre tabIndex={0} className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap break-all bg-stone-50 px-2 py-1 dark:bg-stone-900">
              {JSON.stringify(request.body, null, 2)}
            </pre>
          </>
        )}
      </details>
      <details className="sm:col-span-2" data-testid="record-response">
        <summary className="cursor-pointer font-semibold">Response {response === null ? '(none: the request failed before an answer)' : `HTTP ${response.status}`}</summary>
        {response !== null && <HeaderTable headers={response.headers} />}
      </details>
    </div>
  );
}

function HeaderTable({ headers }: { readonly headers: Readonly<Record<string, string>> }) {
  return (
    <table className="mt-1 font-mono">
      <tbody>
        {Object.entries(headers).map(([name, value]) => (
          <tr key={name}>
            <th scope="row" className="pr-3 text-left align-top font-normal text-stone-600 dark:text-stone-400">
              {name}
            </th>
            <td className="break-all">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "at 18:01:00 (60 s after the request)": the absolute time, and how long after the request it was. */
function resetText(resetsAt: number, sentAt: number): string {
  const clock = new Date(resetsAt).toLocaleTimeString('en-GB', { hour12: false });
  const after = Math.round((resetsAt - sentAt) / 1000);
  return `at ${clock} (${after} s after the request)`;
}
