// An answer and the answers that continue it, in order: a cut-off answer
// resumed with Continue, or a turn the API paused (pause_turn) and the app
// resumed, possibly more than once.
import { selectContinuationId, type ChatState } from '../store';

/** Longer chains than this are not followed (a paused turn is bounded by the round-trip limit anyway). */
const MAX_LINKS = 100;

export function continuationChain(state: ChatState, id: string): string[] {
  const chain = [id];
  for (let next = selectContinuationId(state, id); next !== undefined && chain.length < MAX_LINKS && !chain.includes(next); next = selectContinuationId(state, next)) chain.push(next);
  return chain;
}

/** The last answer of the chain: its status is the status of the whole. */
export function chainEnd(state: ChatState, id: string): string {
  return continuationChain(state, id).at(-1) ?? id;
}
