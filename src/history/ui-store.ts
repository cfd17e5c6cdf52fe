// The sidebar's own state: the drawer on narrow screens, the search, and
// conversations deleted but still undoable.
import { create } from 'zustand';

export interface PendingDelete {
  readonly id: string;
  readonly title: string;
  /** It was open when deleted: Undo reopens it. */
  readonly wasActive: boolean;
  /** Deletes it from storage when the undo time is over; Undo clears it. */
  readonly timer: ReturnType<typeof setTimeout>;
}

export interface HistoryUi {
  readonly drawerOpen: boolean;
  /**
   * The user closed the drawer (Escape, Close, the backdrop, the toggle):
   * focus goes back to the toggle after the render that closes it, once the
   * toggle is no longer inert. Opening a conversation closes it without.
   */
  readonly focusToggle: boolean;
  readonly query: string;
  /** Ids matching the query; null when there is no query. */
  readonly matches: ReadonlySet<string> | null;
  readonly pending: readonly PendingDelete[];
  /** A message about export or import. */
  readonly note: string | null;
}

export const useHistoryUi = create<HistoryUi>()(() => ({ drawerOpen: false, focusToggle: false, query: '', matches: null, pending: [], note: null }));
