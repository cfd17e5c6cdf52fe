// Which messages of a conversation are rendered: the newest `count`, widened
// one step at a time towards the start as the reader scrolls up.

/** Messages rendered when a conversation opens, and added per step. */
export const WINDOW_STEP = 20;

export function visibleWindow(ids: readonly string[], count: number): { readonly hidden: number; readonly visible: readonly string[] } {
  if (ids.length <= count) return { hidden: 0, visible: ids };
  const start = ids.length - count;
  return { hidden: start, visible: ids.slice(start) };
}

export function olderWindow(count: number): number {
  return count + WINDOW_STEP;
}

/** The words of the button that shows the next step of earlier messages. */
export function earlierLabel(hidden: number): string {
  const next = Math.min(hidden, WINDOW_STEP);
  return `Show ${next} earlier ${next === 1 ? 'message' : 'messages'} (${hidden} not shown)`;
}
