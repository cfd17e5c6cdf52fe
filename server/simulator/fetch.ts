// Web fetch turns (server tool): server_tool_use {url}, then a
// web_fetch_tool_result holding the page as a document (or an error), then
// text that cites the document (char_location) when the tool asks for citations.
// Shapes: SDK 1.12 WebFetchToolResultBlock / WebFetchBlock / CitationCharLocation.
import type { JsonObject, JsonValue } from './json';
import { makeId, type Rng } from './rng';
import { countTokens } from './tokens';
import type { PlannedBlock, ServerToolConfig } from './types';

export const DEFAULT_FETCH_URL = 'https://example.com/articles/streaming-apis';

/** Fetch error codes (SDK 1.12 WebFetchToolResultErrorCode). */
export const FETCH_ERRORS = [
  'invalid_tool_input', 'url_too_long', 'url_not_allowed', 'url_not_in_prior_context', 'url_not_accessible',
  'unsupported_content_type', 'too_many_requests', 'max_uses_exceeded', 'unavailable', 'content_too_large',
] as const;

export interface FetchPart {
  blocks: PlannedBlock[];
  extraInputTokens: number;
  fetched: number;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

function matches(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => {
    const domain = d.toLowerCase().replace(/^\*\./, '').split('/')[0] ?? '';
    return host === domain || host.endsWith(`.${domain}`);
  });
}

/** The URL a prompt asks about: the first http(s) URL in it. */
export function urlInPrompt(prompt: string): string | null {
  const match = /https?:\/\/[^\s<>"')\]]+/i.exec(prompt);
  return match === null ? null : match[0].replace(/[.,;:!?]+$/, '');
}

function pageFor(url: string, topic: string): { title: string; text: string; quote: string } {
  const host = hostOf(url) || 'the site';
  const quote = `Streaming sends each part of the answer as soon as it is ready, so readers see progress at once.`;
  const text = [
    `${topic} — an overview from ${host}`,
    '',
    `This page explains ${topic} in plain words.`,
    quote,
    'Clients read the events one by one and update the screen as they arrive.',
    'Errors can still happen after the response has started, so a client keeps what it received and offers to retry.',
  ].join('\n');
  return { title: `${topic} — ${host}`, text, quote };
}

/** The fetch call and its result, and the answer that uses it (citations when enabled). */
export function fetchTurn(rng: Rng, idRng: Rng, url: string, topic: string, tools: ServerToolConfig, forcedError: string | null): FetchPart {
  const id = makeId('srvtoolu', idRng);
  const fetch = tools.webFetch;
  const host = hostOf(url);
  const refused = fetch !== null && ((fetch.allowedDomains.length > 0 && !matches(host, fetch.allowedDomains)) || matches(host, fetch.blockedDomains));
  const error = forcedError ?? (host === '' ? 'invalid_tool_input' : refused ? 'url_not_allowed' : null);
  const call: PlannedBlock[] = [
    { type: 'text', text: `I'll fetch ${url} and read it.`, citations: [] },
    { type: 'server_tool_use', id, name: 'web_fetch', input: { url } },
  ];
  if (error !== null) {
    return {
      fetched: 0,
      extraInputTokens: 0,
      blocks: [
        ...call,
        { type: 'server_tool_result', blockType: 'web_fetch_tool_result', toolUseId: id, content: { type: 'web_fetch_tool_result_error', error_code: error } },
        { type: 'text', text: `I couldn't read that page (the fetch failed with \`${error}\`). If you can paste the text here, I'll work from that instead.`, citations: [] },
      ],
    };
  }
  const page = pageFor(url, topic);
  const citations = fetch?.citations ?? false;
  // Deterministic for the same request: a retrieval time within the last day of the simulator's calendar.
  const retrievedAt = new Date(Date.UTC(2026, 11, 1, rng.int(0, 23), rng.int(0, 59), rng.int(0, 59))).toISOString();
  const document: JsonValue = {
    type: 'document',
    source: { type: 'text', media_type: 'text/plain', data: page.text },
    title: page.title,
    citations: citations ? { enabled: true } : null,
  };
  const start = page.text.indexOf(page.quote);
  const citation: JsonObject = {
    type: 'char_location',
    cited_text: page.quote,
    document_index: 0,
    document_title: page.title,
    start_char_index: start,
    end_char_index: start + page.quote.length,
    file_id: null,
  };
  const answer: PlannedBlock[] = citations
    ? [
        { type: 'text', text: 'The page makes one main point: ', citations: [] },
        { type: 'text', text: 'streaming shows each part of the answer as soon as it is ready', citations: [citation] },
        { type: 'text', text: '. It also notes that errors can arrive mid-stream, so a client should keep what it received.', citations: [] },
      ]
    : [{ type: 'text', text: `The page explains ${topic}: streaming shows each part of the answer as soon as it is ready, and a client should keep what it received when an error arrives mid-stream.`, citations: [] }];
  return {
    fetched: 1,
    extraInputTokens: countTokens(page.text) + 40,
    blocks: [
      ...call,
      { type: 'server_tool_result', blockType: 'web_fetch_tool_result', toolUseId: id, content: { type: 'web_fetch_result', url, retrieved_at: retrievedAt, content: document } },
      ...answer,
    ],
  };
}
