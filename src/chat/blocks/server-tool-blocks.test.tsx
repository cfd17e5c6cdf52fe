// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PartialJsonParser, type BlockState } from '../../protocol';
import { ServerToolResultBlock } from './server-tool-result-block';
import { ToolUseBlock } from './tool-use-block';

afterEach(cleanup);

function streaming(name: string, json: string, closed = false): Extract<BlockState, { kind: 'tool_input' }> {
  const parser = new PartialJsonParser();
  parser.push(json);
  return { kind: 'tool_input', block: { type: 'server_tool_use', id: 'srvtoolu_1', name, input: closed ? JSON.parse(json) : undefined } as never, json, parser, inputError: null, closed };
}

// The views of Claude's own tools load when first shown (tool-use-block.tsx): each test waits for its view.
describe('server_tool_use as its input streams', () => {
  it('shows the URL of a fetch while it is still arriving', async () => {
    const { container } = render(<ToolUseBlock state={streaming('web_fetch', '{"url": "https://example.com/ar')} />);
    await vi.waitFor(() => expect(container.querySelector('[data-block="server_tool_use"][data-tool="web_fetch"]')?.textContent).toBe('Fetching https://example.com/ar'));
  });

  it('shows the code being written, and the file path', async () => {
    const { container } = render(<ToolUseBlock state={streaming('text_editor_code_execution', '{"command": "create", "path": "/tmp/s.py", "file_text": "import math\\nprint(1')} />);
    await vi.waitFor(() => expect(container.textContent).toContain('Writing /tmp/s.py'));
    expect(container.querySelector('[data-testid="code-lang"]')?.textContent).toBe('python');
    expect(container.querySelector('code')?.textContent).toBe('import math\nprint(1');
  });

  it('shows a bash command console-style', async () => {
    const { container } = render(<ToolUseBlock state={streaming('bash_code_execution', '{"command": "ls -la"}', true)} />);
    await vi.waitFor(() => expect(container.querySelector('[data-testid="server-tool-input"]')?.textContent).toBe('$ ls -la'));
  });

  it('falls back to the generic view when its view cannot load (the app was updated while the page was open)', async () => {
    vi.resetModules();
    vi.doMock('./server-tool-use-block', () => {
      throw new Error('chunk gone');
    });
    try {
      const { ToolUseBlock: Fresh } = await import('./tool-use-block');
      const { container } = render(<Fresh state={streaming('web_fetch', '{"url": "https://example.com/a"}', true)} />);
      await vi.waitFor(() => expect(container.querySelector('[data-testid="tool-input"]')?.textContent).toContain('"https://example.com/a"'));
    } finally {
      vi.doUnmock('./server-tool-use-block');
    }
  });

  it('shows an unknown server tool as a generic tool call', () => {
    const { container } = render(<ToolUseBlock state={streaming('tool_search_tool_regex', '{"pattern": "x"}', true)} />);
    expect(container.querySelector('[data-testid="tool-input"]')?.textContent).toContain('"pattern"');
  });
});

describe('server tool results', () => {
  it('a fetched page: title linking to the URL, retrieval time, collapsed preview', () => {
    const block = {
      type: 'web_fetch_tool_result',
      content: { type: 'web_fetch_result', url: 'https://example.com/a', retrieved_at: '2026-12-01T10:20:00Z', content: { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'Body text' }, title: 'Title A' } },
    };
    const { container } = render(<ServerToolResultBlock block={block} />);
    const link = container.querySelector('a');
    expect(link?.textContent).toBe('Title A');
    expect(link?.getAttribute('href')).toBe('https://example.com/a');
    expect(container.textContent).toContain('Retrieved 1 Dec 2026, 10:20 UTC');
    expect(container.querySelector('details')?.open).toBe(false);
    expect(container.querySelector('details pre')?.textContent).toBe('Body text');
  });

  it('code output: stdout, stderr, exit code and the container files', () => {
    const block = { type: 'bash_code_execution_tool_result', content: { type: 'bash_code_execution_result', stdout: 'mean: 2\n', stderr: 'careful', return_code: 1, content: [{ type: 'bash_code_execution_output', file_id: 'file_9' }] } };
    const { container } = render(<ServerToolResultBlock block={block} />);
    expect(container.querySelector('[data-testid="stdout"]')?.textContent).toBe('mean: 2\n');
    expect(container.querySelector('[data-testid="stderr"]')?.textContent).toBe('careful');
    expect(container.querySelector('[data-testid="return-code"]')?.textContent).toBe('exit code 1');
    expect(container.querySelector('[data-testid="container-files"]')?.textContent).toBe('file_9');
    expect(container.textContent).toContain('Files API');
  });

  it('an error reads as a sentence, with its code on the element', () => {
    const { container } = render(<ServerToolResultBlock block={{ type: 'code_execution_tool_result', content: { type: 'code_execution_tool_result_error', error_code: 'too_many_requests' } }} />);
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('The code was rate limited; try again in a moment.');
    expect(alert?.getAttribute('data-error-code')).toBe('too_many_requests');
  });
});
