// Writes fixtures/generated/: (1) the recorded streams re-framed the ways the
// SSE spec allows but Anthropic does not use today (CRLF and CR line endings,
// comment lines, multi-line data, a missing final blank line), so the
// conformance runner proves the decoder on each; (2) the simulator's stream
// for every scenario, so the runner proves the simulator against the SDK.
// Deterministic; run it again after changing a source fixture or the
// simulator: `npx tsx scripts/make-fixtures.ts`. With `--check` it writes
// nothing: it generates every file in memory and fails, naming them, when a
// committed one differs or is missing, or when a committed transcript is no
// longer generated (`npm test` runs this, so a stale fixture fails CI).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulator } from '../server/simulator';
import { withSimulatorServer } from '../server/simulator/loopback';
import { checkFixtures, isTranscript } from './fixture-check';

const SOURCE = 'fixtures/anthropic-sse';
const OUT = 'fixtures/generated';

type Variant = { readonly suffix: string; readonly transform: (lf: string) => string };

const VARIANTS: readonly Variant[] = [
  { suffix: 'crlf', transform: (s) => s.replace(/\n/g, '\r\n') },
  { suffix: 'cr', transform: (s) => s.replace(/\n/g, '\r') },
  { suffix: 'comments', transform: (s) => `: stream opened\n\n${s.replace(/\n\n/g, '\n: keep-alive\n\n')}` },
  // Split each JSON payload over several data: lines at a comma; the decoder joins them with \n, which JSON allows.
  { suffix: 'multiline-data', transform: (s) => s.replace(/^data: (.*)$/gm, (_, json: string) => `data: ${json.replace(/,"/g, ',\ndata: "')}`) },
  // The final event has no blank line after it: spec-following decoders drop it, so the stream is incomplete.
  { suffix: 'no-final-blank-line', transform: (s) => s.replace(/\n\n$/, '\n') },
];

const SOURCES = ['sdk-ts-basic-text.sse', 'sdk-ts-tool-use.sse', 'sdk-fable-a-refusal-thinking.sse'];

const check = process.argv.includes('--check');
/** Every generated file, by name. */
const generated = new Map<string, Buffer>();

for (const source of SOURCES) {
  const text = readFileSync(join(SOURCE, source), 'utf8');
  for (const variant of VARIANTS) {
    const name = source.replace(/\.sse$/, `.${variant.suffix}.sse`);
    generated.set(name, Buffer.from(variant.transform(text)));
  }
}

const CALCULATOR = {
  name: 'calculator',
  description: 'Evaluates an arithmetic expression.',
  input_schema: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] },
};
const SEARCH = { type: 'web_search_20250305', name: 'web_search' };
const FETCH = { type: 'web_fetch_20260209', name: 'web_fetch', citations: { enabled: true } };
const CODE = { type: 'code_execution_20260120', name: 'code_execution' };

const SCENARIOS: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
  ['hello', {}],
  ['long', { content: '/sim long 600 fast' }],
  ['thinking', { content: '/sim thinking redacted fast', thinking: { type: 'enabled', budget_tokens: 2048 }, max_tokens: 4096, model: 'claude-opus-4-5' }],
  ['tool', { content: '/sim tool fast', tools: [CALCULATOR] }],
  ['parallel-tools', { content: '/sim parallel-tools 3 fast', tools: [CALCULATOR] }],
  ['search', { content: '/sim search fast', tools: [SEARCH] }],
  ['pause-turn', { content: '/sim pause-turn fast', tools: [SEARCH] }],
  ['max-tokens', { content: '/sim max-tokens fast', max_tokens: 40 }],
  ['stop-sequence', { content: '/sim stop-sequence fast', stop_sequences: ['STOP'] }],
  ['refusal', { content: '/sim refusal fast' }],
  ['midstream-error', { content: '/sim midstream-error fast' }],
  ['malformed', { content: '/sim malformed fast' }],
  ['unknown-event', { content: '/sim unknown-event fast' }],
  ['drop', { content: '/sim drop fast' }],
  // The stall is a pause of a second in the middle; the bytes are those of a whole answer.
  ['stall', { content: '/sim stall 1 fast' }],
  ['echo', { content: '/sim echo fast\n# Echoed\n\nA table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nconsole.log("hi");\n```' }],
  // Server tools (appended last so the other scenarios keep their request serials and ids).
  ['fetch', { content: '/sim fetch https://example.com/articles/streaming fast', tools: [FETCH] }],
  ['fetch-error', { content: '/sim fetch https://example.com/gone url_not_accessible fast', tools: [FETCH] }],
  ['code', { content: '/sim code fast', tools: [CODE] }],
  ['code-pause', { content: '/sim code pause fast', tools: [CODE] }],
  ['code-error', { content: '/sim code execution_time_exceeded fast', tools: [CODE] }],
];

async function writeSimulatorStreams(): Promise<number> {
  const simulator = createSimulator({ firstTokenDelayMs: 0, tokensPerSecond: 0 });
  await withSimulatorServer(simulator, async (url) => {
    for (const [name, { content = 'hello', ...rest }] of SCENARIOS) {
      const request = { model: 'claude-sonnet-5-5', max_tokens: 1024, stream: true, messages: [{ role: 'user', content }], ...rest };
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' }, body: JSON.stringify(request) });
      // A dropped connection ends the body with an error: keep the bytes that arrived.
      const bytes: Uint8Array[] = [];
      const reader = res.body?.getReader();
      try {
        for (let r = await reader?.read(); r !== undefined && !r.done; r = await reader?.read()) bytes.push(r.value);
      } catch {
        // expected for `drop`
      }
      generated.set(`sim-${name}.sse`, Buffer.concat(bytes));
    }
  });
  return SCENARIOS.length;
}

await writeSimulatorStreams();
if (check) {
  const committed = new Map(existsSync(OUT) ? readdirSync(OUT).filter(isTranscript).map((name) => [name, readFileSync(join(OUT, name))] as const) : []);
  const reports = checkFixtures(generated, committed);
  const failed = reports.filter((r) => r.state !== 'ok');
  for (const { name, state } of reports) console.log(`${(state === 'ok' ? 'ok' : state.toUpperCase()).padEnd(7)} ${join(OUT, name)}`);
  if (failed.some((r) => r.state !== 'stray')) console.log(`\nSTALE or MISSING: the generated fixtures differ from what the simulator and sources make now: run \`npx tsx scripts/make-fixtures.ts\` and commit them.`);
  if (failed.some((r) => r.state === 'stray')) console.log(`\nSTRAY: committed in ${OUT} but no longer generated: delete it (git rm), or generate it again.`);
  console.log(`${reports.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length === 0 ? 0 : 1);
}
mkdirSync(OUT, { recursive: true });
for (const [name, bytes] of generated) writeFileSync(join(OUT, name), bytes);
console.log(`wrote ${generated.size} files to ${OUT}`);
