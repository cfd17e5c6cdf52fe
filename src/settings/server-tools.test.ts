import { describe, expect, it } from 'vitest';
import { defaultServerTools, parseDomainList, serverToolDefinitions, serverToolProblems, withServerToolDefaults, type ServerToolsSetting } from './server-tools';
import { defaultSettings, requestHeaders, toRequestOptions } from './settings';
import { validateSettings } from './validate-settings';

const off = defaultServerTools();
const allOn: ServerToolsSetting = {
  webSearch: { ...off.webSearch, enabled: true },
  webFetch: { ...off.webFetch, enabled: true },
  codeExecution: { enabled: true },
};

describe('server tool definitions', () => {
  it('sends nothing while every switch is off (the default)', () => {
    expect(serverToolDefinitions(off)).toEqual([]);
    expect(toRequestOptions(defaultSettings([]), []).tools).toBeUndefined();
  });

  it('sends each switched-on tool at its current version, with only the options that were set', () => {
    expect(serverToolDefinitions(allOn)).toEqual([
      { type: 'web_search_20260209', name: 'web_search' },
      { type: 'web_fetch_20260209', name: 'web_fetch', citations: { enabled: true } },
      { type: 'code_execution_20260120', name: 'code_execution' },
    ]);
  });

  it('carries max uses, domains, user location, citations and max content tokens', () => {
    const setting: ServerToolsSetting = {
      webSearch: { enabled: true, maxUses: 3, allowedDomains: ['example.com'], blockedDomains: [], userLocation: { city: 'Leeds ', region: '', country: 'GB', timezone: 'Europe/London' } },
      webFetch: { enabled: true, maxUses: 2, allowedDomains: ['docs.example.com'], citations: false, maxContentTokens: 5000 },
      codeExecution: { enabled: false },
    };
    expect(serverToolDefinitions(setting)).toEqual([
      { type: 'web_search_20260209', name: 'web_search', max_uses: 3, allowed_domains: ['example.com'], user_location: { type: 'approximate', city: 'Leeds', country: 'GB', timezone: 'Europe/London' } },
      { type: 'web_fetch_20260209', name: 'web_fetch', max_uses: 2, allowed_domains: ['docs.example.com'], max_content_tokens: 5000 },
    ]);
  });

  it('adds server tools after the client tools, with tool choice', () => {
    const options = toRequestOptions({ ...defaultSettings([]), serverTools: allOn }, []);
    expect(options.tools?.map((t) => ('name' in t ? t.name : ''))).toEqual(['web_search', 'web_fetch', 'code_execution']);
    expect(options.tool_choice).toEqual({ type: 'auto' });
  });
});

describe('anthropic-beta', () => {
  it('is not sent for the GA versions this app uses', () => {
    expect(requestHeaders(toRequestOptions({ ...defaultSettings([]), serverTools: allOn }, []))).toEqual({ 'anthropic-version': '2023-06-01' });
  });

  it('is sent, once, for a version that still needs one', () => {
    const tools = [
      { type: 'code_execution_20250522', name: 'code_execution' },
      { name: 'calculator', input_schema: { type: 'object' as const } },
    ] as Parameters<typeof requestHeaders>[0]['tools'];
    expect(requestHeaders({ tools })).toEqual({ 'anthropic-version': '2023-06-01', 'anthropic-beta': 'code-execution-2025-05-22' });
  });
});

describe('combinations the API rejects, explained before sending', () => {
  it('allowed and blocked domains together', () => {
    const setting = { ...off, webSearch: { ...off.webSearch, enabled: true, allowedDomains: ['a.com'], blockedDomains: ['b.com'] } };
    expect(serverToolProblems(setting)).toEqual(['Web search takes allowed domains or blocked domains, not both.']);
  });

  it('a scheme in a domain, a bad country, a bad time zone, a zero max uses', () => {
    const setting: ServerToolsSetting = {
      ...off,
      webSearch: { ...off.webSearch, enabled: true, maxUses: 0, allowedDomains: ['https://a.com'], userLocation: { city: '', region: '', country: 'England', timezone: 'Mars/Olympus' } },
      webFetch: { ...off.webFetch, enabled: true, maxContentTokens: 1.5 },
    };
    const problems = serverToolProblems(setting);
    expect(problems).toEqual([
      'Web search max uses must be a whole number of at least 1.',
      'Web search allowed domains: write "a.com" without the scheme (the API rejects "https://a.com").',
      'User location country must be a two-letter ISO code (such as "GB"), not "England".',
      'User location time zone "Mars/Olympus" is not an IANA time zone (such as "Europe/London").',
      'Web fetch max content tokens must be a whole number of at least 1.',
    ]);
  });

  it('options of a tool that is off are not checked', () => {
    expect(serverToolProblems({ ...off, webSearch: { ...off.webSearch, maxUses: 0 } })).toEqual([]);
  });

  it('a client tool with a server tool name', () => {
    const problems = validateSettings({ ...defaultSettings([]), serverTools: allOn }, ['web_fetch']);
    expect(problems.map((p) => p.field)).toEqual(['serverTools']);
    expect(problems[0]?.message).toMatch(/"web_fetch"/);
  });
});

describe('helpers', () => {
  it('parses a domain list typed with commas, spaces or lines', () => {
    expect(parseDomainList(' a.com, b.org\nc.net  ')).toEqual(['a.com', 'b.org', 'c.net']);
  });

  it('fills what older saved settings lack', () => {
    expect(withServerToolDefaults(undefined)).toEqual(off);
    expect(withServerToolDefaults({ codeExecution: { enabled: true } })).toEqual({ ...off, codeExecution: { enabled: true } });
  });
});
