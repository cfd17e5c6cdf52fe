import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createArrivalJoiner, type Arrival } from '../protocol';
import { defaultSettings, toRequestOptions } from '../settings';
import { resetChatStore, useChatStore } from '../store';
import { DETACH, FRAME_CONTENT_CHARS, type StreamClient, type StreamHandlers } from '../transport';
import { streamAssistant } from './stream-assistant';

/** Frames the test paints by hand. */
function manualFrames() {
  const callbacks = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    callbacks.set(next, callback);
    return next++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => callbacks.delete(id));
  return {
    paint() {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const callback of due) callback(performance.now());
    },
  };
}

const SSE = (text: string) => JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });

/** The arrivals of a whole answer whose text comes as `pieces`, as the stream service would hand them on. */
function answerArrivals(pieces: readonly string[]): Arrival[][] {
  const joiner = createArrivalJoiner();
  const batch = (messages: Array<[string, string]>) => {
    for (const [event, data] of messages) joiner.add(event, data, performance.now());
    return joiner.take();
  };
  const start = JSON.stringify({ type: 'message_start', message: { id: 'm', type: 'message', role: 'assistant', model: 'x', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } });
  return [
    batch([['message_start', start], ['content_block_start', JSON.stringify({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } })]]),
    // Each piece in its own batch, as a worker posts batches of up to BATCH_CHARS.
    ...pieces.map((piece) => batch([['content_block_delta', SSE(piece)], ['ping', '{"type":"ping"}']])),
    batch([['content_block_stop', '{"type":"content_block_stop","index":0}'], ['message_delta', '{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":9}}'], ['message_stop', '{"type":"message_stop"}']]),
  ];
}

/** A client that hands the whole answer over at once, as a burst does, then ends. */
function burstClient(batches: Arrival[][]): StreamClient {
  return {
    warmUp: () => undefined,
    following: () => 0,
    open: (_request, handlers: StreamHandlers) => {
      const done = Promise.resolve().then(() => {
        handlers.onOpen({ status: 200, requestId: 'req_b', streamId: null });
        for (const batch of batches) handlers.onBatch(batch, new Float64Array(0));
        return { end: { kind: 'eof' as const }, at: performance.now() };
      });
      return { done, log: { requestStartedAt: 0, sentAt: 0, read: () => Promise.resolve(null), readFinal: () => Promise.resolve(null), release: () => undefined } };
    },
  };
}

const textOf = () => {
  const stream = useChatStore.getState().streaming?.stream;
  const block = stream?.blocks[0];
  return block?.kind === 'text' ? block.block.text : '';
};

beforeEach(() => resetChatStore());
afterEach(() => vi.unstubAllGlobals());

describe('streamAssistant', () => {
  it('shows a burst a frame of content at a time, then commits the whole answer', async () => {
    const frames = manualFrames();
    const pieces = Array.from({ length: 8 }, (_, i) => String(i).repeat(FRAME_CONTENT_CHARS / 2));
    const settings = defaultSettings([]);
    const answer = streamAssistant(toRequestOptions(settings, []), [{ role: 'user', content: 'x' }], {
      signal: new AbortController().signal,
      client: burstClient(answerArrivals(pieces)),
      newId: (prefix) => `${prefix}-1`,
    });
    await vi.waitFor(() => expect(useChatStore.getState().streaming).not.toBeNull());
    await Promise.resolve();
    const shown: number[] = [];
    for (let frame = 0; frame < 20 && useChatStore.getState().streaming !== null; frame++) {
      frames.paint();
      await Promise.resolve();
      await Promise.resolve();
      if (useChatStore.getState().streaming !== null) shown.push(textOf().length);
    }
    const finished = await answer;
    // Each frame adds at most the budget plus one batch, and the text grows frame by frame.
    for (let i = 1; i < shown.length; i++) expect((shown[i] ?? 0) - (shown[i - 1] ?? 0)).toBeLessThanOrEqual(FRAME_CONTENT_CHARS + FRAME_CONTENT_CHARS / 2);
    // 48k characters at 12k a frame: two frames show part of it before the rest is committed.
    expect(shown).toEqual([FRAME_CONTENT_CHARS, 2 * FRAME_CONTENT_CHARS]);
    expect(finished.stream.status).toBe('complete');
    const block = finished.stream.blocks[0];
    expect(block?.kind === 'text' && block.block.text).toBe(pieces.join(''));
    expect(useChatStore.getState().messages[finished.id]).toBe(finished);
  });

  it('Stop while a burst is still being shown stops it where it is, marked stopped', async () => {
    const frames = manualFrames();
    const pieces = Array.from({ length: 8 }, (_, i) => String(i).repeat(FRAME_CONTENT_CHARS / 2));
    const controller = new AbortController();
    const answer = streamAssistant(toRequestOptions(defaultSettings([]), []), [{ role: 'user', content: 'x' }], {
      signal: controller.signal,
      client: burstClient(answerArrivals(pieces)),
      newId: (prefix) => `${prefix}-2`,
    });
    await vi.waitFor(() => expect(useChatStore.getState().streaming).not.toBeNull());
    await Promise.resolve();
    frames.paint();
    await Promise.resolve();
    expect(textOf().length).toBe(FRAME_CONTENT_CHARS);
    controller.abort();
    const finished = await answer;
    expect(finished.stream.status).toBe('stopped');
    const block = finished.stream.blocks[0];
    expect(block?.kind === 'text' && block.block.text.length).toBe(FRAME_CONTENT_CHARS);
  });

  it('saves the time of every event shown with the resume point, so a reload keeps them', async () => {
    const frames = manualFrames();
    const controller = new AbortController();
    // A kept stream: each event has an id (its index) and a record time.
    let eventId = 0;
    const numbered = answerArrivals(['a', 'b', 'c']).map((batch) => batch.map((arrival) => ({ ...arrival, id: String(eventId++) })));
    let handlers: StreamHandlers | null = null;
    const client: StreamClient = {
      warmUp: () => undefined,
      following: () => 0,
      open: (_request, given) => {
        handlers = given;
        const done = new Promise<{ end: { kind: 'aborted' }; at: number }>((resolve) => controller.signal.addEventListener('abort', () => resolve({ end: { kind: 'aborted' }, at: 0 })));
        return { done, log: { requestStartedAt: 0, sentAt: 1_700_000_000_000, read: () => Promise.resolve(null), readFinal: () => Promise.resolve(null), release: () => undefined } };
      },
    };
    const answer = streamAssistant(toRequestOptions(defaultSettings([]), []), [{ role: 'user', content: 'x' }], { signal: controller.signal, client, newId: (prefix) => `${prefix}-3` });
    await vi.waitFor(() => expect(handlers).not.toBeNull());
    const open = handlers as unknown as StreamHandlers;
    open.onOpen({ status: 200, requestId: 'req_k', streamId: 's1' });
    const all = numbered.flat();
    // The two first batches, with one time per event: 10 ms apart.
    for (const batch of numbered.slice(0, 2)) open.onBatch(batch, Float64Array.from(batch, (a) => 10 * Number(a.id)));
    frames.paint();
    const shown = useChatStore.getState().streaming?.resume;
    const lastShown = numbered[1]?.at(-1)?.id;
    expect(shown?.lastEventId).toBe(lastShown);
    expect(shown?.sentAt).toBe(1_700_000_000_000);
    expect(Array.from(shown?.times ?? [])).toEqual(all.slice(0, Number(lastShown) + 1).map((a) => 10 * Number(a.id)));
    controller.abort(DETACH);
    const detached = await answer;
    expect(detached.resume?.lastEventId).toBe(lastShown);
    expect(Array.from(detached.resume?.times ?? [])).toHaveLength(Number(lastShown) + 1);
  });
});
