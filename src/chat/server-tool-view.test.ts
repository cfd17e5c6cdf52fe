import { describe, expect, it } from 'vitest';
import { citationSource, errorSentence, formatRetrievedAt, languageForPath, readServerToolResult } from './server-tool-view';

describe('readServerToolResult', () => {
  it('reads a fetched page: url, title, retrieval time and a text preview', () => {
    const content = {
      type: 'web_fetch_result',
      url: 'https://example.com/a',
      retrieved_at: '2026-12-01T10:20:00Z',
      content: { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'Hello page' }, title: 'A page', citations: null },
    };
    expect(readServerToolResult('web_fetch_tool_result', content)).toEqual({ kind: 'fetch', url: 'https://example.com/a', title: 'A page', retrievedAt: '2026-12-01T10:20:00Z', preview: 'Hello page', mediaType: 'text/plain' });
  });

  it('gives a PDF no text preview', () => {
    const content = { type: 'web_fetch_result', url: 'https://x.org/a.pdf', retrieved_at: null, content: { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' }, title: null } };
    expect(readServerToolResult('web_fetch_tool_result', content)).toMatchObject({ kind: 'fetch', preview: '', mediaType: 'application/pdf' });
  });

  it('reads code output: stdout, stderr, return code and the files created', () => {
    const content = { type: 'bash_code_execution_result', stdout: 'ok\n', stderr: 'warn', return_code: 2, content: [{ type: 'bash_code_execution_output', file_id: 'file_1' }] };
    expect(readServerToolResult('bash_code_execution_tool_result', content)).toEqual({ kind: 'execution', stdout: 'ok\n', stderr: 'warn', returnCode: 2, fileIds: ['file_1'], encrypted: false });
    expect(readServerToolResult('code_execution_tool_result', { type: 'code_execution_result', stdout: '', stderr: '', return_code: 0, content: [] })).toMatchObject({ kind: 'execution', returnCode: 0, fileIds: [] });
  });

  it('reads errors as sentences with their code', () => {
    expect(readServerToolResult('web_fetch_tool_result', { type: 'web_fetch_tool_result_error', error_code: 'url_not_accessible' })).toEqual({
      kind: 'error',
      code: 'url_not_accessible',
      sentence: 'The page fetch could not reach that address (it may be down, private, or blocking automated access).',
    });
    expect(readServerToolResult('bash_code_execution_tool_result', { type: 'bash_code_execution_tool_result_error', error_code: 'execution_time_exceeded' })).toMatchObject({ sentence: 'The command ran past the time limit and was stopped.' });
    expect(errorSentence('web_search_tool_result', 'max_uses_exceeded')).toBe('The web search hit the limit on uses set for this tool (max uses in Settings).');
    expect(errorSentence('code_execution_tool_result', 'brand_new_code')).toBe('The code failed (brand_new_code).');
  });

  it('says "other" for shapes it does not know, so they show verbatim', () => {
    expect(readServerToolResult('code_execution_tool_result', { type: 'hologram' })).toEqual({ kind: 'other' });
    expect(readServerToolResult('code_execution_tool_result', 'text')).toEqual({ kind: 'other' });
  });
});

describe('helpers', () => {
  it('picks a language from a path, a readable retrieval time, and a citation source', () => {
    expect(languageForPath('/tmp/stats.py')).toBe('python');
    expect(languageForPath('/tmp/notes')).toBe('text');
    expect(formatRetrievedAt('2026-12-01T10:20:00Z')).toBe('1 Dec 2026, 10:20 UTC');
    expect(formatRetrievedAt('soon')).toBe('soon');
    const docs = [
      { url: 'https://a.com', title: 'A' },
      { url: 'https://b.com', title: 'B' },
    ];
    expect(citationSource({ type: 'web_search_result_location', url: 'https://s.com' }, docs)).toBe('https://s.com');
    expect(citationSource({ type: 'char_location', document_title: 'B', document_index: 0 }, docs)).toBe('https://b.com');
    expect(citationSource({ type: 'char_location', document_title: 'Z', document_index: 0 }, docs)).toBe('https://a.com');
    expect(citationSource({ type: 'char_location', document_index: 0 }, undefined)).toBeNull();
  });
});
