import { describe, expect, it } from 'vitest';
import { eventLogOf, recordDeferred, recordEvent, startEventLog } from './event-log';

describe('event log', () => {
  it('lists deferred batches on first read, in order with events recorded one by one', () => {
    const log = startEventLog('m-deferred', 100);
    let listed = 0;
    recordEvent(log, 'message_start', '{"a":1}', 110);
    recordDeferred(
      log,
      (visit) => {
        listed += 1;
        visit('content_block_delta', '{"d":1}');
        visit('', '{"d":2}');
      },
      120,
    );
    expect(listed).toBe(0);
    recordEvent(log, 'message_stop', '{}', 130);
    expect(listed).toBe(1);
    expect(eventLogOf('m-deferred')?.entries).toEqual([
      { at: 10, event: 'message_start', data: '{"a":1}' },
      { at: 20, event: 'content_block_delta', data: '{"d":1}' },
      { at: 20, event: 'message', data: '{"d":2}' },
      { at: 30, event: 'message_stop', data: '{}' },
    ]);
    // Listed once: reading again does not repeat the batch.
    expect(log.entries).toHaveLength(4);
    expect(listed).toBe(1);
  });
});
