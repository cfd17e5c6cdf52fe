// Thinking and redacted_thinking blocks for a turn.
import { makeOpaque, type Rng } from './rng';
import { countTokens } from './tokens';
import type { PlannedBlock, ThinkingDisplay, ThinkingSetting } from './types';

const STEPS = [
  'The user is asking about {t}. Let me figure out what they actually need.',
  'First, I should identify the core question and any constraints they mentioned.',
  'There are a few reasonable approaches; a table comparing them might help.',
  'A short code example would make this concrete.',
  'I should check the edge cases: empty input, very large input, and failures.',
  'Let me make sure the structure is clear: overview, details, then a summary.',
  'I will keep the answer practical and avoid unnecessary jargon.',
  'One subtle point is worth calling out explicitly, since it is easy to miss.',
  'Double-checking: the reasoning holds, and nothing contradicts the earlier steps.',
];

/** How much to think: from the budget (enabled) or the effort level (adaptive). */
export function thinkingTarget(setting: ThinkingSetting, effort: string | null, fallback: number): number {
  switch (setting.mode) {
    case 'off':
      return fallback;
    case 'enabled':
      return Math.max(40, Math.min(400, Math.floor(setting.budgetTokens * 0.1)));
    case 'adaptive': {
      const byEffort: Record<string, number> = { low: 40, medium: 100, high: 180, xhigh: 300, max: 450 };
      return byEffort[effort ?? 'high'] ?? 180;
    }
    default: {
      const never: never = setting;
      return never;
    }
  }
}

export function thinkingText(rng: Rng, topic: string, targetTokens: number): string {
  const parts: string[] = [];
  let tokens = 0;
  let i = rng.int(0, STEPS.length - 1);
  while (tokens < targetTokens) {
    const step = (STEPS[i % STEPS.length] ?? '').replaceAll('{t}', topic);
    parts.push(step);
    tokens += countTokens(`\n\n${step}`);
    i++;
  }
  return parts.join('\n\n');
}

export function thinkingBlocks(
  rng: Rng,
  topic: string,
  targetTokens: number,
  display: ThinkingDisplay,
  redacted: boolean,
): PlannedBlock[] {
  const text = thinkingText(rng, topic, targetTokens);
  const signature = makeOpaque(rng, 96);
  const blocks: PlannedBlock[] =
    display === 'omitted'
      ? [{ type: 'thinking', thinking: '', signature, hiddenTokens: countTokens(text) }]
      : [{ type: 'thinking', thinking: text, signature, hiddenTokens: 0 }];
  if (redacted) blocks.push({ type: 'redacted_thinking', data: makeOpaque(rng, 180) });
  return blocks;
}
