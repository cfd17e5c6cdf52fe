// Saves the answer being streamed cheaply: one small record at most once per
// interval, and at once whenever a block closes. It is fed on every store
// update (once per frame) and does O(1) work there: it keeps the latest
// message and counts closed blocks from where it left off.
import type { AssistantMessage } from '../store';

export interface PartialSaver {
  /** The streaming answer as it stands (called once per frame). */
  update(conversationId: string, message: AssistantMessage): void;
  /** The stream ended (its final version is saved with the commit): drop any pending save. */
  stop(): void;
}

export interface Timers {
  readonly setTimeout: (run: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
}

const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createPartialSaver(save: (conversationId: string, message: AssistantMessage) => void, intervalMs = 1000, timers: Timers = realTimers): PartialSaver {
  let latest: { conversationId: string; message: AssistantMessage } | null = null;
  let saved: AssistantMessage | null = null;
  let closedCount = 0;
  let timer: unknown = null;

  const flush = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    if (latest === null || latest.message === saved) return;
    saved = latest.message;
    save(latest.conversationId, latest.message);
  };

  return {
    update(conversationId, message) {
      if (latest?.message.id !== message.id) closedCount = 0;
      latest = { conversationId, message };
      const blocks = message.stream.blocks;
      let closedNow = closedCount;
      while (closedNow < blocks.length && blocks[closedNow]?.closed === true) closedNow++;
      if (closedNow > closedCount) {
        closedCount = closedNow;
        flush();
      } else if (timer === null) {
        timer = timers.setTimeout(flush, intervalMs);
      }
    },
    stop() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      latest = null;
      saved = null;
      closedCount = 0;
    },
  };
}
