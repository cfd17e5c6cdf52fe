// Pure readers for server tool blocks: what a web fetch or code execution
// result holds, in a shape the views can show without trusting the wire, and
// tool errors as sentences. Field names: SDK 1.12 WebFetchToolResultBlock,
// (Bash|TextEditor)CodeExecutionToolResultBlock, CodeExecutionToolResultBlock.
import { isRecord } from '../protocol';

export type ServerToolResult =
  | { readonly kind: 'fetch'; readonly url: string; readonly title: string | null; readonly retrievedAt: string | null; readonly preview: string; readonly mediaType: string | null }
  | { readonly kind: 'execution'; readonly stdout: string; readonly stderr: string; readonly returnCode: number | null; readonly fileIds: readonly string[]; readonly encrypted: boolean }
  | { readonly kind: 'editor'; readonly summary: string; readonly content: string | null }
  | { readonly kind: 'error'; readonly code: string; readonly sentence: string }
  | { readonly kind: 'other' };

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The server tool result block types this app renders (others show verbatim). */
export const RENDERED_RESULT_TYPES: ReadonlySet<string> = new Set([
  'web_fetch_tool_result',
  'code_execution_tool_result',
  'bash_code_execution_tool_result',
  'text_editor_code_execution_tool_result',
]);

const TOOL_LABEL: Readonly<Record<string, string>> = {
  web_search_tool_result: 'The web search',
  web_fetch_tool_result: 'The page fetch',
  code_execution_tool_result: 'The code',
  bash_code_execution_tool_result: 'The command',
  text_editor_code_execution_tool_result: 'The file edit',
};

/** Error codes as sentences (codes from SDK 1.12 *ToolResultErrorCode; the tool pages describe each). */
const ERROR_SENTENCES: Readonly<Record<string, string>> = {
  max_uses_exceeded: 'hit the limit on uses set for this tool (max uses in Settings).',
  too_many_requests: 'was rate limited; try again in a moment.',
  unavailable: 'is unavailable right now.',
  invalid_tool_input: 'was given input the tool could not use.',
  url_not_accessible: 'could not reach that address (it may be down, private, or blocking automated access).',
  url_not_allowed: 'was refused: that domain is not allowed by the tool’s domain settings.',
  url_not_in_prior_context: 'was refused: Claude may only fetch addresses that appeared earlier in the conversation.',
  url_too_long: 'was refused: the address is too long.',
  unsupported_content_type: 'returned a kind of content the tool cannot read.',
  content_too_large: 'returned more content than the tool accepts.',
  execution_time_exceeded: 'ran past the time limit and was stopped.',
  output_file_too_large: 'produced a file too large to return.',
  container_expired: 'could not run: its container had expired.',
  file_not_found: 'named a file that does not exist in the container.',
  query_too_long: 'was refused: the query is too long.',
  string_not_found: 'could not find the text it was asked to replace.',
};

export function errorSentence(blockType: string, code: string): string {
  const subject = TOOL_LABEL[blockType] ?? 'The tool';
  const rest = ERROR_SENTENCES[code];
  return rest === undefined ? `${subject} failed (${code}).` : `${subject} ${rest}`;
}

/** Reads a server tool result block's `content`. */
export function readServerToolResult(blockType: string, content: unknown): ServerToolResult {
  if (!isRecord(content)) return { kind: 'other' };
  const type = str(content['type']) ?? '';
  if (type.endsWith('_error')) {
    const code = str(content['error_code']) ?? 'unknown_error';
    return { kind: 'error', code, sentence: errorSentence(blockType, code) };
  }
  switch (type) {
    case 'web_fetch_result': {
      const doc = isRecord(content['content']) ? content['content'] : {};
      const source = isRecord(doc['source']) ? doc['source'] : {};
      const data = str(source['data']) ?? '';
      const mediaType = str(source['media_type']);
      // A PDF arrives as base64: no text preview.
      const preview = source['type'] === 'text' || (mediaType !== null && mediaType.startsWith('text/')) ? data : '';
      return { kind: 'fetch', url: str(content['url']) ?? '', title: str(doc['title']), retrievedAt: str(content['retrieved_at']), preview, mediaType };
    }
    case 'code_execution_result':
    case 'bash_code_execution_result':
    case 'encrypted_code_execution_result': {
      const files = Array.isArray(content['content']) ? content['content'] : [];
      return {
        kind: 'execution',
        stdout: str(content['stdout']) ?? '',
        stderr: str(content['stderr']) ?? '',
        returnCode: typeof content['return_code'] === 'number' ? content['return_code'] : null,
        fileIds: files.flatMap((f) => (isRecord(f) && typeof f['file_id'] === 'string' ? [f['file_id']] : [])),
        encrypted: type === 'encrypted_code_execution_result',
      };
    }
    case 'text_editor_code_execution_create_result':
      return { kind: 'editor', summary: content['is_file_update'] === true ? 'File updated.' : 'File created.', content: null };
    case 'text_editor_code_execution_str_replace_result':
      return { kind: 'editor', summary: 'Text replaced in the file.', content: Array.isArray(content['lines']) ? content['lines'].filter((l) => typeof l === 'string').join('\n') : null };
    case 'text_editor_code_execution_view_result':
      return { kind: 'editor', summary: 'File read.', content: str(content['content']) };
    default:
      return { kind: 'other' };
  }
}

const LANGUAGES: Readonly<Record<string, string>> = { py: 'python', js: 'javascript', ts: 'typescript', sh: 'bash', json: 'json', md: 'markdown', csv: 'text', txt: 'text', html: 'html', css: 'css', sql: 'sql', yaml: 'yaml', yml: 'yaml' };

/** A highlighting language for a file path in the container. */
export function languageForPath(path: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  return LANGUAGES[ext] ?? 'text';
}

/** A fetched page's retrieval time for people ("7 Dec 2026, 18:31 UTC"); the raw value when unreadable. */
export function formatRetrievedAt(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}, ${date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} UTC`;
}

export interface FetchedDocument {
  readonly url: string;
  readonly title: string | null;
}

/** The URL a citation points to: its own (search) or the fetched document it cites (by title, else by index). */
export function citationSource(citation: Readonly<Record<string, unknown>>, documents: readonly FetchedDocument[] | undefined): string | null {
  const own = str(citation['url']);
  if (own !== null) return own;
  if (documents === undefined || documents.length === 0) return null;
  const title = str(citation['document_title']);
  const byTitle = title === null ? undefined : documents.find((d) => d.title === title);
  if (byTitle !== undefined) return byTitle.url;
  const index = citation['document_index'];
  return typeof index === 'number' ? (documents[index]?.url ?? null) : null;
}
