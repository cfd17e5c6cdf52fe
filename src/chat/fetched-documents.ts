// The pages an answer fetched (web_fetch_tool_result blocks), in order: the
// sources its document citations link to.
import { selectStream, type ChatState } from '../store';
import { readServerToolResult, type FetchedDocument } from './server-tool-view';

interface Cached {
  readonly blocks: readonly object[];
  readonly documents: readonly FetchedDocument[];
}

// Keyed by the answer's first fetch result block: a finished block never
// changes identity, so the list keeps its identity while other blocks stream
// (a selector must not return a new array on every frame), and the entry goes
// when the answer does.
const cache = new WeakMap<object, Cached>();

export function selectFetchedDocuments(state: ChatState, id: string): readonly FetchedDocument[] | undefined {
  const blocks = selectStream(state, id)?.blocks;
  if (blocks === undefined) return undefined;
  const fetches = blocks.flatMap((b) => (b.kind === 'opaque' && b.block.type === 'web_fetch_tool_result' ? [b.block] : []));
  const first = fetches[0];
  if (first === undefined) return undefined;
  const cached = cache.get(first);
  if (cached !== undefined && cached.blocks.length === fetches.length && cached.blocks.every((b, i) => b === fetches[i])) return cached.documents;
  const documents = fetches.flatMap((block) => {
    const result = readServerToolResult(block.type, (block as { content?: unknown }).content);
    return result.kind === 'fetch' ? [{ url: result.url, title: result.title }] : [];
  });
  cache.set(first, { blocks: fetches, documents });
  return documents;
}
