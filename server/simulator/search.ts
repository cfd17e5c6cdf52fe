// Web search turns (server tools): server_tool_use, web_search_tool_result,
// then text blocks carrying web_search_result_location citations.
import type { JsonObject, JsonValue } from './json';
import { makeId, makeOpaque, type Rng } from './rng';
import type { PlannedBlock } from './types';

interface Result {
  title: string;
  url: string;
  encrypted: string;
  pageAge: string | null;
  quote: string;
}

/** Input tokens one search result adds to the context (its page text). */
const RESULT_CONTEXT_TOKENS = 650;

function slug(topic: string): string {
  return topic.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'topic';
}

function results(rng: Rng, topic: string): Result[] {
  const s = slug(topic);
  return [
    { title: `${topic}: a practical guide`, url: `https://docs.example.com/guides/${s}`, pageAge: '3 days ago', quote: `A practical approach to ${topic} starts with clear goals and small, measurable steps.` },
    { title: `What changed in ${topic} this year`, url: `https://news.example.org/2026/${s}`, pageAge: 'October 2, 2026', quote: `The biggest change this year is better tooling and simpler defaults for ${topic}.` },
    { title: `${topic} explained`, url: `https://wiki.example.net/wiki/${s}`, pageAge: null, quote: `Experts recommend measuring before optimising anything related to ${topic}.` },
  ].map((r) => ({ ...r, encrypted: makeOpaque(rng, 120) }));
}

export interface SearchPart {
  blocks: PlannedBlock[];
  extraInputTokens: number;
}

/** The search call and its result (ends a pause_turn turn, or starts a full search turn). */
export function searchCall(rng: Rng, idRng: Rng, topic: string): SearchPart & { query: string } {
  const id = makeId('srvtoolu', idRng);
  const query = `${topic} latest`;
  const found = results(rng, topic);
  const content: JsonValue[] = found.map((r) => ({
    type: 'web_search_result',
    title: r.title,
    url: r.url,
    encrypted_content: r.encrypted,
    page_age: r.pageAge,
  }));
  return {
    query,
    extraInputTokens: found.length * RESULT_CONTEXT_TOKENS,
    blocks: [
      { type: 'text', text: `I'll search the web for the latest on ${topic}.`, citations: [] },
      { type: 'server_tool_use', id, name: 'web_search', input: { query } },
      { type: 'server_tool_result', blockType: 'web_search_tool_result', toolUseId: id, content },
    ],
  };
}

/** The answer part of a search turn: text blocks with one citation each. */
export function searchAnswer(rng: Rng, topic: string): PlannedBlock[] {
  const found = results(rng, topic);
  const blocks: PlannedBlock[] = [{ type: 'text', text: `Here is what I found about ${topic}.\n\n`, citations: [] }];
  found.slice(0, 2).forEach((r, i) => {
    const citation: JsonObject = {
      type: 'web_search_result_location',
      cited_text: r.quote,
      url: r.url,
      title: r.title,
      encrypted_index: makeOpaque(rng, 48),
    };
    const text = i === 0 ? `Start with clear goals and small, measurable steps` : `tooling and defaults have improved this year`;
    blocks.push({ type: 'text', text, citations: [citation] });
    blocks.push({ type: 'text', text: i === 0 ? '. Also, ' : '.\n\nIn short: measure first, then improve what matters.', citations: [] });
  });
  return blocks;
}
