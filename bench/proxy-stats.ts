// Statistics and checks for bench/proxy.ts.
import type { StreamResult } from './proxy-client';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export interface Latency {
  /** (quantile of proxied stream times - same quantile of direct stream times) / events per stream, in ms. */
  readonly perEvent: { readonly p50: number; readonly p99: number };
  /** Arrival of event i of request k through the proxy minus directly, over all events; meaningful one stream at a time. */
  readonly arrival: { readonly p50: number; readonly p99: number };
}

/**
 * Added latency per event, versus the same requests sent straight to the simulator.
 * - perEvent: a stream's time is from sending the request to its last event.
 *   The p50 (p99) of the proxied stream times minus the p50 (p99) of the direct
 *   ones, divided by the mean number of events per stream, is what the proxy
 *   adds to each event at that quantile. Quantiles are compared rather than
 *   request pairs because under 200 concurrent streams the order in which
 *   streams finish is the scheduler's choice, not the proxy's.
 * - arrival: request k through the proxy against request k direct (the same
 *   request, so the same events), event by event: how much later event i
 *   reached the client. Used for the one-at-a-time runs, where the pairs run
 *   under the same conditions.
 */
export function addedLatency(direct: readonly StreamResult[], proxied: readonly StreamResult[]): Latency {
  const times = (results: readonly StreamResult[]) => results.filter((r) => r.events > 0).map((r) => r.arrivals.at(-1) ?? 0);
  const events = direct.reduce((n, r) => n + r.events, 0) / Math.max(1, direct.length);
  const quantile = (p: number) => (percentile(times(proxied), p) - percentile(times(direct), p)) / events;
  const arrival: number[] = [];
  direct.forEach((d, k) => {
    const p = proxied[k];
    if (p === undefined || p.events !== d.events) return;
    for (let i = 0; i < d.events; i++) arrival.push((p.arrivals[i] ?? 0) - (d.arrivals[i] ?? 0));
  });
  return { perEvent: { p50: quantile(50), p99: quantile(99) }, arrival: { p50: percentile(arrival, 50), p99: percentile(arrival, 99) } };
}

/** Problems with a set of proxied streams, compared with the direct ones (same index, same request). */
export function contentProblems(direct: readonly StreamResult[], proxied: readonly StreamResult[]): string[] {
  const problems: string[] = [];
  proxied.forEach((p, k) => {
    const d = direct[k];
    if (d === undefined) return;
    if (p.error !== null || p.status !== 200) problems.push(`stream ${k}: status ${p.status}, ${p.error ?? 'no error'}`);
    else if (!p.complete) problems.push(`stream ${k}: no message_stop after ${p.events} events`);
    else if (p.text !== d.text) problems.push(`stream ${k}: text differs from the direct stream (${p.text.length} vs ${d.text.length} chars)`);
    else if (p.events !== d.events) problems.push(`stream ${k}: ${p.events} events, direct had ${d.events}`);
  });
  return problems;
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const ms = (value: number) => `${value.toFixed(3)} ms`;
