// Anthropic's server tools (web search, web fetch, code execution): the
// per-conversation switches and options, the `tools` entries they become, the
// beta header a version needs, and the combinations the API rejects. Pure.
//
// Sources for every version, parameter and beta below:
// [SDK] @anthropic-ai/sdk 1.12.0 `resources/messages/messages.d.ts`: WebSearchTool20260209,
//       WebFetchTool20260209, CodeExecutionTool20260120 are in the GA `messages` namespace
//       (not `beta`), and its `AnthropicBeta` list names no web-fetch or code-execution
//       beta except `code-execution-2025-05-22` (the first code execution version).
// [WS]  platform.claude.com/docs/en/agents-and-tools/tool-use/web-search-tool: versions
//       web_search_20250305 and web_search_20260209 (dynamic filtering); max_uses,
//       allowed_domains or blocked_domains (not both), user_location {type:"approximate",
//       city, region, country (ISO 3166-1 alpha-2), timezone (IANA)}.
// [WF]  platform.claude.com/docs/en/agents-and-tools/tool-use/web-fetch-tool: web_fetch_20250910
//       (beta header web-fetch-2025-09-10 while it was in beta) and web_fetch_20260209;
//       max_uses, allowed_domains / blocked_domains, citations {enabled}, max_content_tokens;
//       domains are written without the scheme.
// [CE]  platform.claude.com/docs/en/agents-and-tools/tool-use/code-execution-tool:
//       code_execution_20250522 (beta code-execution-2025-05-22, Python only),
//       code_execution_20250825 (bash + files; beta code-execution-2025-08-25 while in beta),
//       code_execution_20260120 (adds REPL state persistence); no parameters.
// Checked 2026-12-07.
import type { CodeExecutionTool20260120, UserLocation, WebFetchTool20260209, WebSearchTool20260209 } from '@anthropic-ai/sdk/resources/messages';

export type ServerToolDefinition = WebSearchTool20260209 | WebFetchTool20260209 | CodeExecutionTool20260120;

/** The versions this app sends: the newest each page documents [WS][WF][CE], GA in [SDK]. */
export const WEB_SEARCH_TOOL_TYPE = 'web_search_20260209';
export const WEB_FETCH_TOOL_TYPE = 'web_fetch_20260209';
export const CODE_EXECUTION_TOOL_TYPE = 'code_execution_20260120';

/**
 * The beta header each server tool version needs, null where it is generally
 * available. Older versions are listed so a definition typed by hand (custom
 * tools JSON) still gets its header.
 */
export const SERVER_TOOL_BETAS: Readonly<Record<string, string | null>> = {
  web_search_20250305: null, // [WS] GA since its release
  web_search_20260209: null, // [WS][SDK]
  web_fetch_20250910: null, // [SDK]: GA namespace; the beta web-fetch-2025-09-10 is retired from AnthropicBeta
  web_fetch_20260209: null, // [WF][SDK]
  code_execution_20250522: 'code-execution-2025-05-22', // [CE][SDK AnthropicBeta]
  code_execution_20250825: null, // [SDK]: GA namespace
  code_execution_20260120: null, // [CE][SDK]
};

export interface WebSearchSetting {
  readonly enabled: boolean;
  /** Null: no limit sent. */
  readonly maxUses: number | null;
  readonly allowedDomains: readonly string[];
  readonly blockedDomains: readonly string[];
  /** All blank: not sent. */
  readonly userLocation: { readonly city: string; readonly region: string; readonly country: string; readonly timezone: string };
}

export interface WebFetchSetting {
  readonly enabled: boolean;
  readonly maxUses: number | null;
  readonly allowedDomains: readonly string[];
  readonly citations: boolean;
  /** Null: the API's default (no limit sent). */
  readonly maxContentTokens: number | null;
}

export interface ServerToolsSetting {
  readonly webSearch: WebSearchSetting;
  readonly webFetch: WebFetchSetting;
  readonly codeExecution: { readonly enabled: boolean };
}

/** Off by default: each costs money or reaches the network on the user's behalf (README, "Claude's own tools"). */
export function defaultServerTools(): ServerToolsSetting {
  return {
    webSearch: { enabled: false, maxUses: null, allowedDomains: [], blockedDomains: [], userLocation: { city: '', region: '', country: '', timezone: '' } },
    webFetch: { enabled: false, maxUses: null, allowedDomains: [], citations: true, maxContentTokens: null },
    codeExecution: { enabled: false },
  };
}

/** Settings saved before server tools existed (or partly) get the defaults for what is missing. */
export function withServerToolDefaults(value: Partial<ServerToolsSetting> | undefined): ServerToolsSetting {
  const d = defaultServerTools();
  if (value === undefined) return d;
  return {
    webSearch: { ...d.webSearch, ...value.webSearch, userLocation: { ...d.webSearch.userLocation, ...value.webSearch?.userLocation } },
    webFetch: { ...d.webFetch, ...value.webFetch },
    codeExecution: { ...d.codeExecution, ...value.codeExecution },
  };
}

function userLocationOf(location: WebSearchSetting['userLocation']): UserLocation | null {
  const entries = Object.entries(location).filter(([, v]) => v.trim() !== '');
  if (entries.length === 0) return null;
  return { type: 'approximate', ...Object.fromEntries(entries.map(([k, v]) => [k, v.trim()])) };
}

/** The `tools` entries for the switched-on server tools, in a fixed order. */
export function serverToolDefinitions(setting: ServerToolsSetting): ServerToolDefinition[] {
  const tools: ServerToolDefinition[] = [];
  const search = setting.webSearch;
  if (search.enabled) {
    const location = userLocationOf(search.userLocation);
    tools.push({
      type: WEB_SEARCH_TOOL_TYPE,
      name: 'web_search',
      ...(search.maxUses === null ? {} : { max_uses: search.maxUses }),
      ...(search.allowedDomains.length > 0 ? { allowed_domains: [...search.allowedDomains] } : {}),
      ...(search.blockedDomains.length > 0 ? { blocked_domains: [...search.blockedDomains] } : {}),
      ...(location === null ? {} : { user_location: location }),
    });
  }
  const fetch = setting.webFetch;
  if (fetch.enabled) {
    tools.push({
      type: WEB_FETCH_TOOL_TYPE,
      name: 'web_fetch',
      ...(fetch.maxUses === null ? {} : { max_uses: fetch.maxUses }),
      ...(fetch.allowedDomains.length > 0 ? { allowed_domains: [...fetch.allowedDomains] } : {}),
      // [WF]: citations are off unless asked for.
      ...(fetch.citations ? { citations: { enabled: true } } : {}),
      ...(fetch.maxContentTokens === null ? {} : { max_content_tokens: fetch.maxContentTokens }),
    });
  }
  if (setting.codeExecution.enabled) tools.push({ type: CODE_EXECUTION_TOOL_TYPE, name: 'code_execution' });
  return tools;
}

/** The `anthropic-beta` values a request's tools need (none for the versions this app sends). */
export function betasForTools(tools: readonly { readonly type?: unknown }[]): string[] {
  const betas = new Set<string>();
  for (const tool of tools) {
    const beta = typeof tool.type === 'string' ? SERVER_TOOL_BETAS[tool.type] : undefined;
    if (typeof beta === 'string') betas.add(beta);
  }
  return [...betas];
}

/** Splits a comma- or line-separated list typed in Settings. */
export function parseDomainList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((d) => d.trim())
    .filter((d) => d !== '');
}

const DOMAIN = /^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s]*)?$/i;

function domainProblems(label: string, domains: readonly string[]): string[] {
  const out: string[] = [];
  for (const domain of domains) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(domain)) out.push(`${label}: write "${domain.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')}" without the scheme (the API rejects "${domain}").`);
    else if (!DOMAIN.test(domain)) out.push(`${label}: "${domain}" is not a domain name.`);
  }
  return out;
}

function positiveInteger(label: string, value: number | null): string[] {
  return value === null || (Number.isInteger(value) && value >= 1) ? [] : [`${label} must be a whole number of at least 1.`];
}

/** What the API would reject in these options, in words, before anything is sent. */
export function serverToolProblems(setting: ServerToolsSetting): string[] {
  const problems: string[] = [];
  const search = setting.webSearch;
  if (search.enabled) {
    problems.push(...positiveInteger('Web search max uses', search.maxUses));
    if (search.allowedDomains.length > 0 && search.blockedDomains.length > 0) {
      problems.push('Web search takes allowed domains or blocked domains, not both.');
    }
    problems.push(...domainProblems('Web search allowed domains', search.allowedDomains), ...domainProblems('Web search blocked domains', search.blockedDomains));
    const country = search.userLocation.country.trim();
    if (country !== '' && !/^[A-Za-z]{2}$/.test(country)) problems.push(`User location country must be a two-letter ISO code (such as "GB"), not "${country}".`);
    const timezone = search.userLocation.timezone.trim();
    if (timezone !== '' && !isTimeZone(timezone)) problems.push(`User location time zone "${timezone}" is not an IANA time zone (such as "Europe/London").`);
  }
  const fetch = setting.webFetch;
  if (fetch.enabled) {
    problems.push(...positiveInteger('Web fetch max uses', fetch.maxUses), ...positiveInteger('Web fetch max content tokens', fetch.maxContentTokens));
    problems.push(...domainProblems('Web fetch allowed domains', fetch.allowedDomains));
  }
  return problems;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
