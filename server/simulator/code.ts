// Code execution turns (server tool). With code_execution_20250825 and later
// Claude writes a file with the text editor tool and runs it with bash
// (server_tool_use names text_editor_code_execution / bash_code_execution);
// with code_execution_20250522 it runs Python directly (name code_execution).
// Result shapes: SDK 1.12 BashCodeExecutionToolResultBlock,
// TextEditorCodeExecutionToolResultBlock, CodeExecutionToolResultBlock.
import type { JsonObject } from './json';
import { makeId, makeOpaque, type Rng } from './rng';
import type { PlannedBlock, ServerToolConfig } from './types';

/** Error codes common to the code execution tools (SDK 1.12 *ToolResultErrorCode). */
export const CODE_ERRORS = ['invalid_tool_input', 'unavailable', 'too_many_requests', 'execution_time_exceeded', 'output_file_too_large', 'container_expired'] as const;

const SCRIPT = [
  'import statistics',
  '',
  'data = [12, 15, 11, 19, 23, 17, 14]',
  'print(f"mean: {statistics.mean(data):.2f}")',
  'print(f"stdev: {statistics.stdev(data):.2f}")',
  '',
  'with open("summary.csv", "w") as f:',
  '    f.write("mean,stdev\\n")',
  '    f.write(f"{statistics.mean(data):.2f},{statistics.stdev(data):.2f}\\n")',
  '',
].join('\n');
const STDOUT = 'mean: 15.86\nstdev: 4.06\n';

export interface CodePart {
  /** Up to and including the last tool result (what a pause_turn response ends with). */
  call: PlannedBlock[];
  answer: PlannedBlock[];
  container: JsonObject;
}

function text(t: string): PlannedBlock {
  return { type: 'text', text: t, citations: [] };
}

/** A container id and expiry: reused when the request names one, else new. */
function containerFor(rng: Rng, idRng: Rng, requested: string | null): JsonObject {
  const expires = new Date(Date.UTC(2026, 11, 1, 12 + rng.int(0, 10), rng.int(0, 59))).toISOString();
  return { id: requested ?? `container_${makeOpaque(idRng, 18).replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`, expires_at: expires, skills: null };
}

export function codeTurn(rng: Rng, idRng: Rng, tools: ServerToolConfig, requestedContainer: string | null, error: string | null): CodePart {
  const container = containerFor(rng, idRng, requestedContainer);
  const legacy = tools.codeExecution?.type === 'code_execution_20250522';
  const intro = text("I'll write a short Python script and run it.");
  if (legacy) {
    const id = makeId('srvtoolu', idRng);
    const content: JsonObject = error !== null ? { type: 'code_execution_tool_result_error', error_code: error } : { type: 'code_execution_result', stdout: STDOUT, stderr: '', return_code: 0, content: [] };
    return {
      call: [intro, { type: 'server_tool_use', id, name: 'code_execution', input: { code: SCRIPT } }, { type: 'server_tool_result', blockType: 'code_execution_tool_result', toolUseId: id, content }],
      answer: [text(error !== null ? failed(error) : ANSWER)],
      container,
    };
  }
  const writeId = makeId('srvtoolu', idRng);
  const runId = makeId('srvtoolu', idRng);
  const fileId = `file_${makeOpaque(idRng, 18).replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`;
  const run: JsonObject =
    error !== null
      ? { type: 'bash_code_execution_tool_result_error', error_code: error }
      : { type: 'bash_code_execution_result', stdout: STDOUT, stderr: '', return_code: 0, content: [{ type: 'bash_code_execution_output', file_id: fileId }] };
  return {
    call: [
      intro,
      { type: 'server_tool_use', id: writeId, name: 'text_editor_code_execution', input: { command: 'create', path: '/tmp/stats.py', file_text: SCRIPT } },
      { type: 'server_tool_result', blockType: 'text_editor_code_execution_tool_result', toolUseId: writeId, content: { type: 'text_editor_code_execution_create_result', is_file_update: false } },
      { type: 'server_tool_use', id: runId, name: 'bash_code_execution', input: { command: 'cd /tmp && python stats.py' } },
      { type: 'server_tool_result', blockType: 'bash_code_execution_tool_result', toolUseId: runId, content: run },
    ],
    answer: [text(error !== null ? failed(error) : `${ANSWER} The script also saved the figures to \`summary.csv\` in the container.`)],
    container,
  };
}

const ANSWER = 'The mean of the seven values is **15.86** and the sample standard deviation is **4.06**.';

function failed(code: string): string {
  return `The code could not run (\`${code}\`). I can try a smaller version of it, or work it out by hand.`;
}

/** True when an assistant message ends in a code execution result (a paused code turn to continue). */
export function endsWithCodeResult(lastType: string): boolean {
  return lastType.endsWith('code_execution_tool_result');
}
