// Writes fixtures/generated/: the recorded streams re-framed the ways the SSE
// spec allows but Anthropic does not use today (CRLF and CR line endings,
// comment lines, multi-line data, a missing final blank line), so the
// conformance runner proves the decoder on each. Deterministic; run it again
// after changing a source fixture: `npx tsx scripts/make-fixtures.ts`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

mkdirSync(OUT, { recursive: true });
for (const source of SOURCES) {
  const text = readFileSync(join(SOURCE, source), 'utf8');
  for (const variant of VARIANTS) {
    const name = source.replace(/\.sse$/, `.${variant.suffix}.sse`);
    writeFileSync(join(OUT, name), variant.transform(text));
  }
}
console.log(`wrote ${SOURCES.length * VARIANTS.length} files to ${OUT}`);
