// Deterministic markdown answers. Everything is drawn from an Rng seeded by
// the request, so the same request gives the same answer, and different
// requests give visibly different ones (headings, lists, tables, code).
import type { Rng } from './rng';
import { SNIPPETS } from './snippets';
import { countTokens } from './tokens';

const STOP_WORDS = new Set(
  'the a an and or but of to in on for with about what how why when where who is are was be can could would should do does me my you your i it this that please tell explain give write show hello hi hey thanks thank there their some any like need want know just also from into using use which whats its have has get make more most very much does did will shall sim'.split(' '),
);

const FALLBACK_TOPICS = ['streaming APIs', 'caching', 'error handling', 'testing', 'performance', 'data modelling', 'observability'];

/** A short topic phrase taken from the prompt (or a seeded fallback). */
export function topicOf(prompt: string, rng: Rng): string {
  const words = prompt
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w));
  if (words.length === 0) return rng.pick(FALLBACK_TOPICS);
  return words.slice(0, 3).join(' ');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function identifier(topic: string): string {
  const id = topic.replace(/[^a-z0-9]+/gi, '_').replace(/^_+|_+$/g, '').toLowerCase();
  return /^[a-z]/.test(id) ? id.slice(0, 24) : `item_${id}`.slice(0, 24);
}

const OPENERS = [
  'Here is a practical overview of {t}.',
  'Good question. Let me walk through {t} step by step.',
  'Short answer: it depends on your constraints, but the core ideas of {t} are simple.',
  '{T} comes up often, so here is a structured summary.',
  'Let me break {t} down into the parts that matter most in practice.',
];

const SENTENCES = [
  'The key idea is to keep the moving parts small and observable.',
  'Start with the simplest version that works, then measure before optimising.',
  'Most problems with {t} show up at the boundaries: inputs, timeouts and retries.',
  'A clear contract between components makes {t} much easier to test.',
  'It helps to write down the failure modes first and decide how each one should look to the user.',
  'Prefer explicit state over implicit conventions; future readers will thank you.',
  'Small, deterministic building blocks compose better than one clever function.',
  'Logging the right identifiers turns a vague bug report into a five-minute fix.',
  'Keep the fast path fast and make the slow path correct.',
  'When in doubt, measure twice: once locally and once under realistic load.',
  'Good defaults matter more than many options.',
  'Document the why, not just the what, next to the code that needs it.',
];

const HEADINGS = ['Overview', 'Key concepts', 'How it works', 'A worked example', 'Trade-offs', 'Common pitfalls', 'Best practices', 'Checklist', 'Going further', 'Summary'];

const BULLETS = [
  '**Clarity**: name things after what they mean, not how they are built',
  '**Isolation**: keep side effects at the edges',
  '**Feedback**: fast tests catch regressions early',
  '**Resilience**: retry idempotent work with backoff',
  '**Visibility**: expose metrics for latency and errors',
  '**Simplicity**: remove options nobody uses',
  '**Safety**: validate inputs where they enter the system',
  '**Speed**: cache results that are expensive and stable',
];

const ROWS: readonly [string, string, string][] = [
  ['Simple loop', 'Low', 'Small inputs'],
  ['Batching', 'Medium', 'Many small writes'],
  ['Streaming', 'Medium', 'Large or unbounded data'],
  ['Caching', 'Low', 'Repeated reads'],
  ['Queue + workers', 'High', 'Bursty workloads'],
  ['Precomputation', 'Medium', 'Predictable queries'],
];

function fill(template: string, topic: string): string {
  return template.replaceAll('{t}', topic).replaceAll('{T}', capitalise(topic));
}

function paragraph(rng: Rng, topic: string): string {
  const n = rng.int(2, 4);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(fill(rng.pick(SENTENCES), topic));
  return out.join(' ');
}

function bulletList(rng: Rng): string {
  const start = rng.int(0, BULLETS.length - 1);
  const n = rng.int(3, 5);
  const items: string[] = [];
  for (let i = 0; i < n; i++) items.push(`- ${BULLETS[(start + i) % BULLETS.length] ?? ''}`);
  return items.join('\n');
}

function numberedList(rng: Rng, topic: string): string {
  const steps = ['Define the goal and the constraints', `Sketch the data flow for ${topic}`, 'Write a failing test', 'Implement the smallest change', 'Measure and compare', 'Clean up and document'];
  const n = rng.int(3, 5);
  const from = rng.int(0, steps.length - n);
  return steps.slice(from, from + n).map((s, i) => `${i + 1}. ${s}`).join('\n');
}

function table(rng: Rng): string {
  const start = rng.int(0, ROWS.length - 1);
  const n = rng.int(3, 4);
  const lines = ['| Approach | Complexity | Best for |', '|---|---|---|'];
  for (let i = 0; i < n; i++) {
    const row = ROWS[(start + i) % ROWS.length];
    if (row) lines.push(`| ${row[0]} | ${row[1]} | ${row[2]} |`);
  }
  return lines.join('\n');
}

function codeBlock(rng: Rng, topic: string): string {
  const snippet = rng.pick(SNIPPETS);
  const name = identifier(topic);
  const typeName = name.split('_').map(capitalise).join('');
  const code = snippet.code.replaceAll('{name}', name).replaceAll('{Name}', typeName);
  return `\`\`\`${snippet.lang}\n${code}\n\`\`\``;
}

type SectionKind = 'paragraph' | 'bullets' | 'numbered' | 'table' | 'code' | 'quote';
const SECTION_KINDS: readonly SectionKind[] = ['paragraph', 'bullets', 'numbered', 'table', 'code', 'quote'];

function section(kind: SectionKind, rng: Rng, topic: string): string {
  switch (kind) {
    case 'paragraph':
      return paragraph(rng, topic);
    case 'bullets':
      return `${paragraph(rng, topic)}\n\n${bulletList(rng)}`;
    case 'numbered':
      return numberedList(rng, topic);
    case 'table':
      return table(rng);
    case 'code':
      return codeBlock(rng, topic);
    case 'quote':
      return `> **Tip:** ${fill(rng.pick(SENTENCES), topic)}`;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/**
 * A markdown answer of at least `targetTokens` tokens (it stops at the first
 * section boundary past the target, so "about n" tokens).
 */
export function markdownAnswer(rng: Rng, prompt: string, targetTokens: number): string {
  const topic = topicOf(prompt, rng);
  const parts: string[] = [fill(rng.pick(OPENERS), topic)];
  let tokens = countTokens(parts[0] ?? '');
  let headingIndex = rng.int(0, HEADINGS.length - 1);
  let sectionIndex = 0;
  let lastKind: SectionKind | null = null;
  while (tokens < targetTokens) {
    // Every few sections gets a heading, so long answers have a clear outline.
    if (sectionIndex % 2 === 0) {
      const heading = `## ${HEADINGS[headingIndex % HEADINGS.length] ?? 'Notes'}`;
      headingIndex++;
      parts.push(heading);
      tokens += countTokens(`\n\n${heading}`);
    }
    let kind = rng.pick(SECTION_KINDS);
    if (kind === lastKind) kind = SECTION_KINDS[(SECTION_KINDS.indexOf(kind) + 1) % SECTION_KINDS.length] ?? 'paragraph';
    lastKind = kind;
    const text = section(kind, rng, topic);
    parts.push(text);
    tokens += countTokens(`\n\n${text}`);
    sectionIndex++;
  }
  return parts.join('\n\n');
}

/** A short plain answer for greetings and small talk-sized prompts. */
export function shortIntro(rng: Rng): string {
  return rng.pick([
    'Hello! I am the built-in simulator, answering offline with deterministic text.',
    'Hi there! This reply comes from the local simulator, not from Claude.',
    'Hey! The simulator is running, so this answer is generated locally.',
  ]);
}
