// Parsing of the `/sim <name> [args]` line that selects a scenario. The line
// must be the first line of the last user message's first text block, so both
// a person in the chat box and any HTTP client can reach every scenario.
import { getString } from './json';
import type { SimMessage } from './types';

export type Scenario =
  | { name: 'normal' }
  | { name: 'help' }
  | { name: 'long'; tokens: number }
  | { name: 'echo' }
  | { name: 'thinking'; redacted: boolean | null }
  | { name: 'tool' }
  | { name: 'parallel-tools'; count: number }
  | { name: 'search'; error: string | null }
  | { name: 'fetch'; url: string | null; error: string | null }
  | { name: 'code'; error: string | null; pause: boolean }
  | { name: 'max-tokens' }
  | { name: 'stop-sequence' }
  | { name: 'refusal' }
  | { name: 'pause-turn' }
  | { name: 'error'; status: number; retryAfter: number }
  | { name: 'midstream-error' }
  | { name: 'drop' }
  | { name: 'stall'; seconds: number }
  | { name: 'malformed' }
  | { name: 'unknown-event' }
  | { name: 'limits'; percent: number }
  | { name: 'unknown'; requested: string };

export interface Directive {
  scenario: Scenario;
  /** `fast` anywhere in the args: no pacing at all. */
  fast: boolean;
  /** `<n>tps` anywhere in the args: this request's pace in output tokens per second. */
  tokensPerSecond: number | null;
  /** The user's text with the /sim line removed (what the answer is about). */
  prompt: string;
}

export const SCENARIO_HELP: readonly [string, string][] = [
  ['help', 'This list.'],
  ['long <n>', 'About n output tokens of markdown (headings, lists, tables, code).'],
  ['echo', 'Answers with the prompt (the lines after `/sim echo`) word for word: see your own markdown stream in.'],
  ['fast', 'No pacing; combine with any other, e.g. `/sim long 20000 fast`.'],
  ['<n>tps', 'Paces this answer at n output tokens per second, e.g. `/sim long 500 1000tps`.'],
  ['thinking [redacted]', 'A thinking block (thinking_delta, signature_delta) before the answer; `redacted` adds a redacted_thinking block.'],
  ['tool', 'Calls one of the request\'s tools (stop_reason tool_use).'],
  ['parallel-tools [n]', 'Calls n tools (default 2) in one turn.'],
  ['search [error]', 'A web search turn: server_tool_use, web_search_tool_result, cited text. An error code (`max_uses_exceeded`, `too_many_requests`, ...) makes the result that error.'],
  ['fetch [url] [error]', 'A web fetch turn: server_tool_use, web_fetch_tool_result (the page as a document), cited text. Errors: `url_not_accessible`, `max_uses_exceeded`, `too_many_requests`, ...'],
  ['code [error] [pause]', 'A code execution turn: a file written with the text editor, run with bash (stdout, stderr, return code, a created file), then the answer; `pause` ends the first part with pause_turn. Errors: `execution_time_exceeded`, `too_many_requests`, ...'],
  ['max-tokens', 'A long answer cut at max_tokens (stop_reason max_tokens).'],
  ['stop-sequence', 'Stops on the request\'s first stop sequence ("STOP" if none).'],
  ['refusal', 'A few words, then stop_reason refusal with stop_details.'],
  ['pause-turn', 'A search turn that ends with stop_reason pause_turn.'],
  ['error <status>', 'HTTP error 400, 401, 403, 404, 413, 429 (retry-after), 500, 529 ...'],
  ['midstream-error', 'Some text, then an in-stream overloaded_error event.'],
  ['drop', 'Some text, then the connection closes with no message_stop.'],
  ['stall <seconds>', 'Some text, then no bytes at all for that long, then the rest.'],
  ['malformed', 'One event whose data: line is not valid JSON.'],
  ['unknown-event', 'An event type and a content block type no client has seen.'],
  ['limits <percent>', 'A normal answer whose anthropic-ratelimit-* headers say that percentage of each limit remains, e.g. `/sim limits 3`.'],
];

function intArg(args: string[], fallback: number, min: number, max: number): number {
  const found = args.find((a) => /^\d+$/.test(a));
  const n = found === undefined ? fallback : Number(found);
  return Math.min(max, Math.max(min, n));
}

/** Text of the last user message's first text block ('' when there is none). */
export function lastUserText(messages: readonly SimMessage[]): string {
  const last = messages[messages.length - 1];
  if (last === undefined || last.role !== 'user') return '';
  for (const block of last.content) {
    if (block['type'] === 'text') return getString(block, 'text') ?? '';
  }
  return '';
}

export function parseDirective(messages: readonly SimMessage[]): Directive {
  const text = lastUserText(messages);
  const newline = text.indexOf('\n');
  const firstLine = (newline < 0 ? text : text.slice(0, newline)).trim();
  const match = /^\/sim(?:\s+(.*))?$/i.exec(firstLine);
  if (match === null) return { scenario: { name: 'normal' }, fast: false, tokensPerSecond: null, prompt: text };
  const prompt = newline < 0 ? '' : text.slice(newline + 1).trim();
  const raw = (match[1] ?? '').trim().split(/\s+/).filter((w) => w.length > 0);
  const words = raw.map((w) => w.toLowerCase());
  const fast = words.includes('fast');
  const pace = words.map((w) => /^(\d+)tps$/.exec(w)).find((m) => m !== null);
  const tokensPerSecond = pace === undefined || pace === null ? null : Math.min(100_000, Math.max(1, Number(pace[1])));
  const rest = words.filter((w) => w !== 'fast' && !/^\d+tps$/.test(w));
  const name = rest[0] ?? (fast ? 'normal' : 'help');
  const args = rest.slice(1);
  // URLs keep their case: paths are case-sensitive.
  const url = raw.find((w) => /^https?:\/\//i.test(w)) ?? null;
  return { scenario: scenarioFor(name, args, url), fast, tokensPerSecond, prompt };
}

/** An argument that names a tool result error code (snake_case words). */
function errorArg(args: string[]): string | null {
  return args.find((a) => /^[a-z]+(?:_[a-z]+)+$/.test(a)) ?? null;
}

function scenarioFor(name: string, args: string[], url: string | null): Scenario {
  switch (name) {
    case 'normal':
      return { name: 'normal' };
    case 'help':
      return { name: 'help' };
    case 'long':
      return { name: 'long', tokens: intArg(args, 2000, 1, 1_000_000) };
    case 'echo':
      return { name: 'echo' };
    case 'thinking':
      return { name: 'thinking', redacted: args.includes('redacted') ? true : args.includes('plain') ? false : null };
    case 'tool':
    case 'tools':
      return { name: 'tool' };
    case 'parallel-tools':
    case 'parallel':
      return { name: 'parallel-tools', count: intArg(args, 2, 2, 5) };
    case 'search':
      return { name: 'search', error: errorArg(args) };
    case 'fetch':
      return { name: 'fetch', url, error: errorArg(args) };
    case 'code':
      return { name: 'code', error: errorArg(args), pause: args.includes('pause') };
    case 'max-tokens':
      return { name: 'max-tokens' };
    case 'stop-sequence':
      return { name: 'stop-sequence' };
    case 'refusal':
      return { name: 'refusal' };
    case 'pause-turn':
      return { name: 'pause-turn' };
    case 'error': {
      const status = intArg(args, 500, 400, 599);
      const retryAfter = intArg(args.slice(1), 2, 0, 3600);
      return { name: 'error', status, retryAfter };
    }
    case 'midstream-error':
      return { name: 'midstream-error' };
    case 'drop':
      return { name: 'drop' };
    case 'stall':
      return { name: 'stall', seconds: intArg(args, 10, 0, 600) };
    case 'malformed':
      return { name: 'malformed' };
    case 'unknown-event':
      return { name: 'unknown-event' };
    case 'limits':
      return { name: 'limits', percent: intArg(args, 50, 0, 100) };
    default:
      return { name: 'unknown', requested: name };
  }
}

export function helpMarkdown(unknownName?: string): string {
  const intro =
    unknownName === undefined
      ? '# Simulator scenarios\n\nStart your message with a `/sim` line to pick a scenario:\n\n'
      : `# Unknown scenario \`${unknownName}\`\n\nThe simulator knows these scenarios:\n\n`;
  const rows = SCENARIO_HELP.map(([cmd, what]) => `| \`/sim ${cmd}\` | ${what} |`).join('\n');
  return `${intro}| Command | What it does |\n|---|---|\n${rows}\n\nAnything after the first line is the prompt the answer is about.`;
}
