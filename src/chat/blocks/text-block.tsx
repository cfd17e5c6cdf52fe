import type { TextCitation } from '@anthropic-ai/sdk/resources/messages';
import { Markdown } from '../../markdown';
import type { BlockState } from '../../protocol';
import { citationSource, type FetchedDocument } from '../server-tool-view';

/**
 * Markdown for a text block on its own; a block in a run of text blocks (the
 * API splits text around citations) is a span of one passage, kept inline.
 */
export function TextBlock({
  state,
  sources,
  documents,
  inline,
}: {
  readonly state: Extract<BlockState, { kind: 'text' }>;
  readonly sources: readonly unknown[] | undefined;
  /** Pages this answer fetched: document citations link to them. */
  readonly documents?: readonly FetchedDocument[] | undefined;
  readonly inline: boolean;
}) {
  const citations = state.block.citations ?? [];
  if (!inline) {
    return (
      <div data-block="text" className="break-words leading-relaxed">
        <Markdown text={state.block.text} streaming={!state.closed} />
        {citations.length > 0 && (
          <p>
            {citations.map((citation, i) => (
              <CitationMarker key={i} citation={citation} documents={documents} number={citationNumber(citation, sources, i)} />
            ))}
          </p>
        )}
      </div>
    );
  }
  return (
    <div data-block="text" className="whitespace-pre-wrap break-words leading-relaxed">
      {state.block.text}
      {citations.map((citation, i) => (
        <CitationMarker key={i} citation={citation} documents={documents} number={citationNumber(citation, sources, i)} />
      ))}
    </div>
  );
}

function citationUrl(citation: TextCitation, documents?: readonly FetchedDocument[]): string | null {
  return citationSource(citation as unknown as Readonly<Record<string, unknown>>, documents);
}

/** Numbered by the source's position in the search results, so the same source keeps its number. */
function citationNumber(citation: TextCitation, sources: readonly unknown[] | undefined, fallback: number): number {
  const url = citationUrl(citation);
  const index = url === null || sources === undefined ? -1 : sources.findIndex((s) => (s as { url?: unknown }).url === url);
  return index >= 0 ? index + 1 : fallback + 1;
}

function CitationMarker({ citation, number, documents }: { readonly citation: TextCitation; readonly number: number; readonly documents: readonly FetchedDocument[] | undefined }) {
  const url = citationUrl(citation, documents);
  const title = 'title' in citation && typeof citation.title === 'string' ? citation.title : (citation.type === 'char_location' || citation.type === 'page_location' || citation.type === 'content_block_location' ? citation.document_title : null);
  const label = `Source ${number}${title ? `: ${title}` : ''}`;
  const content = <>[{number}]</>;
  return (
    <span className="group relative ml-0.5 align-super text-xs">
      {url === null ? (
        <span tabIndex={0} aria-label={label} data-citation={number} className="cursor-help text-sky-700 dark:text-sky-300">
          {content}
        </span>
      ) : (
        <a href={url} target="_blank" rel="noreferrer noopener" aria-label={label} data-citation={number} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-300">
          {content}
        </a>
      )}
      <span role="tooltip" className="pointer-events-none absolute bottom-full left-0 z-10 mb-1 hidden w-72 rounded-md border border-stone-200 bg-white p-2 text-xs leading-snug text-stone-700 shadow-lg group-focus-within:block group-hover:block dark:border-stone-700 dark:bg-stone-900 dark:text-stone-300">
        {title && <span className="mb-1 block font-medium">{title}</span>}
        <span className="italic">“{citation.cited_text}”</span>
      </span>
    </span>
  );
}
