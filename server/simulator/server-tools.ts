// Validation of server tool definitions (`tools` entries with a versioned
// `type`), as the API does it: known versions only, the right name, known
// parameters of the right types, and the beta header a version needs.
// Versions, parameters and betas: SDK 1.12 `resources/messages/messages.d.ts`
// (WebSearchTool*, WebFetchTool*, CodeExecutionTool*, AnthropicBeta) and the
// web search, web fetch and code execution tool pages (see src/settings/server-tools.ts).
// The error wording is modelled on the API's pydantic-style messages; the real
// text for these cases was not captured.
import { invalidRequest } from './errors';
import { isArray, isObject, type JsonObject, type JsonValue } from './json';
import type { ApiErrorSpec, ServerToolConfig } from './types';

type ParamKind = 'int' | 'domains' | 'location' | 'citations' | 'bool' | 'any';

interface VersionSpec {
  name: 'web_search' | 'web_fetch' | 'code_execution';
  params: Record<string, ParamKind>;
  /** The anthropic-beta value this version needs; null when generally available. */
  beta: string | null;
}

const COMMON: Record<string, ParamKind> = { cache_control: 'any', defer_loading: 'bool', strict: 'bool', allowed_callers: 'any' };
const SEARCH: Record<string, ParamKind> = { ...COMMON, max_uses: 'int', allowed_domains: 'domains', blocked_domains: 'domains', user_location: 'location' };
const FETCH: Record<string, ParamKind> = { ...COMMON, max_uses: 'int', allowed_domains: 'domains', blocked_domains: 'domains', citations: 'citations', max_content_tokens: 'int', url_sources: 'any' };

export const SERVER_TOOL_VERSIONS: Readonly<Record<string, VersionSpec>> = {
  web_search_20250305: { name: 'web_search', params: SEARCH, beta: null },
  web_search_20260209: { name: 'web_search', params: SEARCH, beta: null },
  web_search_20260318: { name: 'web_search', params: { ...SEARCH, response_inclusion: 'any' }, beta: null },
  web_fetch_20250910: { name: 'web_fetch', params: FETCH, beta: null },
  web_fetch_20260209: { name: 'web_fetch', params: FETCH, beta: null },
  web_fetch_20260309: { name: 'web_fetch', params: { ...FETCH, use_cache: 'bool' }, beta: null },
  web_fetch_20260318: { name: 'web_fetch', params: { ...FETCH, use_cache: 'bool', response_inclusion: 'any' }, beta: null },
  code_execution_20250522: { name: 'code_execution', params: COMMON, beta: 'code-execution-2025-05-22' },
  code_execution_20250825: { name: 'code_execution', params: COMMON, beta: null },
  code_execution_20260120: { name: 'code_execution', params: COMMON, beta: null },
  code_execution_20260521: { name: 'code_execution', params: COMMON, beta: null },
};

const SERVER_PREFIXES = ['web_search_', 'web_fetch_', 'code_execution_'];

/** True for a `type` this module validates (a server tool family we simulate). */
export function isServerToolType(type: string): boolean {
  return SERVER_PREFIXES.some((p) => type.startsWith(p));
}

export function emptyServerTools(): ServerToolConfig {
  return { webSearch: null, webFetch: null, codeExecution: null };
}

/** The beta names in an `anthropic-beta` header (comma-separated, possibly repeated). */
export function parseBetas(header: string | string[] | undefined): Set<string> {
  const values = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== ''));
}

function checkParam(path: string, kind: ParamKind, value: JsonValue): string | undefined {
  if (value === null) return undefined;
  switch (kind) {
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) return `${path}: Input should be a valid integer`;
      return value < 1 ? `${path}: Input should be greater than 0` : undefined;
    case 'domains':
      if (!isArray(value) || !value.every((d) => typeof d === 'string')) return `${path}: Input should be a valid list of strings`;
      for (const d of value) if (/^[a-z][a-z0-9+.-]*:\/\//i.test(String(d))) return `${path}: domains must not include a scheme (got "${String(d)}")`;
      return undefined;
    case 'location': {
      if (!isObject(value)) return `${path}: Input should be a valid dictionary`;
      if (value['type'] !== 'approximate') return `${path}.type: Input should be 'approximate'`;
      for (const key of Object.keys(value)) if (!['type', 'city', 'region', 'country', 'timezone'].includes(key)) return `${path}.${key}: Extra inputs are not permitted`;
      const country = value['country'];
      if (country !== undefined && country !== null && (typeof country !== 'string' || !/^[A-Za-z]{2}$/.test(country))) return `${path}.country: String should have at most 2 characters`;
      return undefined;
    }
    case 'citations':
      if (!isObject(value)) return `${path}: Input should be a valid dictionary`;
      return value['enabled'] !== undefined && typeof value['enabled'] !== 'boolean' ? `${path}.enabled: Input should be a valid boolean` : undefined;
    case 'bool':
      return typeof value === 'boolean' ? undefined : `${path}: Input should be a valid boolean`;
    case 'any':
      return undefined;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

const strings = (value: JsonValue | undefined): string[] => (isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const intOrNull = (value: JsonValue | undefined): number | null => (typeof value === 'number' ? value : null);

/** Validates one server tool entry and records it in `config`; returns the 400 the API would send. */
export function checkServerTool(index: number, tool: JsonObject, betas: ReadonlySet<string>, config: ServerToolConfig): ApiErrorSpec | undefined {
  const type = String(tool['type']);
  const spec = SERVER_TOOL_VERSIONS[type];
  if (spec === undefined) {
    const known = Object.keys(SERVER_TOOL_VERSIONS).filter((t) => t.startsWith(type.replace(/_\d+$/, '_')));
    return invalidRequest(`tools.${index}: Input tag '${type}' found using 'type' does not match any of the expected tags${known.length > 0 ? `: ${known.map((k) => `'${k}'`).join(', ')}` : ''}`);
  }
  if (tool['name'] !== spec.name) return invalidRequest(`tools.${index}.${type}.name: Input should be '${spec.name}'`);
  for (const [key, value] of Object.entries(tool)) {
    if (key === 'type' || key === 'name') continue;
    const kind = spec.params[key];
    if (kind === undefined) return invalidRequest(`tools.${index}.${type}.${key}: Extra inputs are not permitted`);
    const problem = checkParam(`tools.${index}.${type}.${key}`, kind, value);
    if (problem !== undefined) return invalidRequest(problem);
  }
  if (spec.beta !== null && !betas.has(spec.beta)) {
    return invalidRequest(`tools.${index}: '${type}' requires the beta header "anthropic-beta: ${spec.beta}"`);
  }
  const allowed = strings(tool['allowed_domains']);
  const blocked = strings(tool['blocked_domains']);
  if (allowed.length > 0 && blocked.length > 0) return invalidRequest(`tools.${index}.${type}: Cannot specify both allowed_domains and blocked_domains`);
  switch (spec.name) {
    case 'web_search':
      config.webSearch = { type, maxUses: intOrNull(tool['max_uses']), allowedDomains: allowed, blockedDomains: blocked };
      return undefined;
    case 'web_fetch': {
      const citations = tool['citations'];
      config.webFetch = {
        type,
        maxUses: intOrNull(tool['max_uses']),
        allowedDomains: allowed,
        blockedDomains: blocked,
        citations: isObject(citations) && citations['enabled'] === true,
        maxContentTokens: intOrNull(tool['max_content_tokens']),
      };
      return undefined;
    }
    case 'code_execution':
      config.codeExecution = { type };
      return undefined;
    default: {
      const never: never = spec.name;
      return never;
    }
  }
}
