import { describe, expect, it } from 'vitest';
import { createStreamClient } from '../transport';
import { fakeFetch, installBrowserShims } from '../transport/node-shims';
import { toEntries } from './event-log';

describe('event log', () => {
  it('lists the raw messages of a stream as received, in order, with times since the request was sent', async () => {
    installBrowserShims();
    const sse = 'event: message_start\ndata: {"a":1}\n\ndata: {"d":2}\n\nevent: message_stop\ndata: {}\n\n';
    const client = createStreamClient({ fetch: fakeFetch(() => ({ chunks: [sse] })) });
    const { done, log } = client.open({ url: '/x', body: {}, signal: new AbortController().signal }, { onOpen: () => undefined, onBatch: () => undefined });
    await done;
    const entries = toEntries(await log.read(), log.requestStartedAt);
    expect(entries.map(({ event, data }) => ({ event, data }))).toEqual([
      { event: 'message_start', data: '{"a":1}' },
      { event: 'message', data: '{"d":2}' },
      { event: 'message_stop', data: '{}' },
    ]);
    for (const entry of entries) expect(entry.at).toBeGreaterThanOrEqual(0);
    // Released: the record is gone from where the stream ran.
    log.release();
    expect(toEntries(await log.read(), log.requestStartedAt)).toEqual([]);
  });
});
