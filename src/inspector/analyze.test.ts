import { describe, expect, it } from 'vitest';
import { contentChars, cumulativeOutput, deltaArrivals, stalls } from './analyze';
import type { RecordEntry as LogEntry } from '../record';

const delta = (at: number, text: string): LogEntry => ({ at, event: 'content_block_delta', data: JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }) });
const entries: LogEntry[] = [
  { at: 5, event: 'message_start', data: '{}' },
  { at: 6, event: 'ping', data: '{"type": "ping"}' },
  delta(500, 'Hello'),
  delta(520, ', world'),
  { at: 3600, event: 'ping', data: '{"type": "ping"}' },
  delta(3610, '!'),
];

describe('event log analysis', () => {
  it('counts content characters of deltas only', () => {
    expect(entries.map(contentChars)).toEqual([0, 0, 5, 7, 0, 1]);
  });

  it('builds the cumulative output series and the delta arrivals', () => {
    expect(cumulativeOutput(entries)).toEqual([
      { at: 500, chars: 5 },
      { at: 520, chars: 12 },
      { at: 3610, chars: 13 },
    ]);
    expect(deltaArrivals(entries)).toEqual([500, 520, 3610]);
  });

  it('finds stalls with no byte at all, pings included', () => {
    expect(stalls(entries, 2000)).toEqual([{ from: 520, to: 3600 }]);
    expect(stalls(entries, 5000)).toEqual([]);
  });
});
