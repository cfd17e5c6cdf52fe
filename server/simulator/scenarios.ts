// Pure planning of a turn: from the validated request and its /sim directive
// to the blocks the response will contain (or an HTTP error). No I/O, no time.
import { errorForStatus } from './errors';
import { helpMarkdown, type Directive, type Scenario } from './directives';
import { markdownAnswer, shortIntro, topicOf } from './answers';
import { makeId, type Rng } from './rng';
import { codeTurn, endsWithCodeResult } from './code';
import { DEFAULT_FETCH_URL, fetchTurn, urlInPrompt } from './fetch';
import { getString } from './json';
import { searchAnswer, searchCall } from './search';
import { thinkingBlocks, thinkingTarget } from './thinking';
import { argumentsFor, clientTools, describeInput, toolOutcomes, toolToCall } from './tools';
import { countTokens } from './tokens';
import { isPauseTurnContinuation } from './validate-messages';
import type { ApiErrorSpec, ParsedRequest, PlannedBlock, TurnPlan } from './types';

export type PlanOutcome = { kind: 'error'; error: ApiErrorSpec } | { kind: 'turn'; plan: TurnPlan };

export interface PlanContext {
  /** Draws content; seeded by the request content only. */
  rng: Rng;
  /** Draws ids; also seeded by the request's position, so ids are unique. */
  idRng: Rng;
}

const GREETING = /^\s*(hello|hi|hey|good (morning|afternoon|evening))\b/i;

function turn(blocks: PlannedBlock[], req: ParsedRequest, extra: Partial<TurnPlan> = {}): TurnPlan {
  return {
    blocks,
    stopReason: 'end_turn',
    stopDetails: null,
    stopSequences: req.stopSequences,
    fault: null,
    extraInputTokens: 0,
    webSearchRequests: 0,
    webFetchRequests: 0,
    container: null,
    ...extra,
  };
}

function text(t: string): PlannedBlock {
  return { type: 'text', text: t, citations: [] };
}

function textTokens(blocks: PlannedBlock[]): number {
  return blocks.reduce((n, b) => n + (b.type === 'text' ? countTokens(b.text) : 0), 0);
}

function normalAnswer(ctx: PlanContext, prompt: string): string {
  const target = ctx.rng.int(120, 400);
  const body = markdownAnswer(ctx.rng, prompt, target);
  return GREETING.test(prompt) ? `${shortIntro(ctx.rng)}\n\n${body}` : body;
}

function toolResultAnswer(req: ParsedRequest): string | undefined {
  const outcomes = toolOutcomes(req.messages);
  if (outcomes.length === 0) return undefined;
  if (outcomes.length === 1) {
    const o = outcomes[0];
    if (o === undefined) return undefined;
    const args = describeInput(o.input);
    if (o.isError) return `The \`${o.name}\` tool reported an error${args ? ` for \`${args}\`` : ''}:\n\n> ${o.result}\n\nI can try again with different input if you like.`;
    return `The \`${o.name}\` tool returned **${o.result.trim()}**${args ? ` for \`${args}\`` : ''}.\n\nSo the answer is **${o.result.trim()}**. Let me know if you need anything else.`;
  }
  const rows = outcomes.map((o) => `| \`${o.name}\` | ${describeInput(o.input).replaceAll('|', '\\|')} | ${o.isError ? 'error: ' : ''}${o.result.trim().replaceAll('|', '\\|').replaceAll('\n', ' ')} |`);
  return `Here are the results of the ${outcomes.length} tool calls:\n\n| Tool | Input | Result |\n|---|---|---|\n${rows.join('\n')}\n\nAll calls completed.`;
}

function toolCalls(req: ParsedRequest, ctx: PlanContext, prompt: string, count: number): PlannedBlock[] | undefined {
  const tools = clientTools(req);
  if (tools.length === 0) return undefined;
  const first = toolToCall({ ...req, toolChoice: req.toolChoice.type === 'tool' ? req.toolChoice : { type: 'any', disableParallel: false } }, prompt) ?? tools[0];
  if (first === undefined) return undefined;
  const n = req.toolChoice.type !== 'none' && req.toolChoice.disableParallel ? 1 : count;
  const start = tools.indexOf(first);
  const calls: PlannedBlock[] = [];
  for (let i = 0; i < n; i++) {
    const tool = tools[(start + i) % tools.length] ?? first;
    const variant = Math.floor(i / tools.length) + (i > 0 && tools.length === 1 ? 1 : 0);
    calls.push({ type: 'tool_use', id: makeId('toolu', ctx.idRng), name: String(tool['name']), input: argumentsFor(tool, ctx.rng, prompt, variant) });
  }
  const names = [...new Set(calls.map((c) => (c.type === 'tool_use' ? `\`${c.name}\`` : '')))].join(' and ');
  const preface = n > 1 ? `I'll make ${n} tool calls in parallel using ${names}.` : `I'll use the ${names} tool to help with that.`;
  return [text(preface), ...calls];
}

const NO_TOOLS = 'I would call a tool here, but this request did not provide any tools. Add a `tools` array (for example a `calculator` with an `expression` input) and ask again.';

function withThinking(blocks: PlannedBlock[], req: ParsedRequest, ctx: PlanContext, topic: string, force: boolean, redacted: boolean): PlannedBlock[] {
  const setting = req.thinking;
  if (setting.mode === 'off' && !force) return blocks;
  // Forced by /sim thinking without a thinking config: show the text, since that is what the scenario is for.
  const display = setting.mode === 'off' ? 'summarized' : setting.display;
  const target = thinkingTarget(setting, req.effort, 150);
  return [...thinkingBlocks(ctx.rng.fork('thinking'), topic, target, display, redacted), ...blocks];
}

/** Where a fault goes: roughly a third of the way into the answer's text. */
function faultPoint(blocks: PlannedBlock[]): number {
  return Math.max(1, Math.floor(textTokens(blocks) * 0.35));
}

export function planTurn(req: ParsedRequest, directive: Directive, ctx: PlanContext): PlanOutcome {
  const prompt = directive.prompt;
  const topic = topicOf(prompt, ctx.rng.fork('topic'));
  const scenario: Scenario = directive.scenario;
  const plain = (blocks: PlannedBlock[], extra: Partial<TurnPlan> = {}): PlanOutcome => ({
    kind: 'turn',
    // "Sometimes a redacted_thinking block": a seeded 15% of thinking turns.
    plan: turn(withThinking(blocks, req, ctx, topic, false, ctx.rng.fork('redacted').chance(0.15)), req, extra),
  });

  switch (scenario.name) {
    case 'normal':
    case 'limits': // only the response headers differ (handler.ts)
      return planNormal(req, ctx, prompt, topic);
    case 'help':
      return plain([text(helpMarkdown())]);
    case 'unknown':
      return plain([text(helpMarkdown(scenario.requested))]);
    case 'long':
      return plain([text(markdownAnswer(ctx.rng, prompt, scenario.tokens))]);
    case 'echo':
      return plain([text(prompt === '' ? 'Nothing to echo: write it on the lines after `/sim echo`.' : prompt)]);
    case 'thinking': {
      const redacted = scenario.redacted ?? ctx.rng.chance(0.3);
      const blocks = withThinking([text(normalAnswer(ctx, prompt))], req, ctx, topic, true, redacted);
      return { kind: 'turn', plan: turn(blocks, req) };
    }
    case 'tool':
    case 'parallel-tools': {
      const count = scenario.name === 'tool' ? 1 : scenario.count;
      const calls = toolCalls(req, ctx, prompt, count);
      return calls ? plain(calls, { stopReason: 'tool_use' }) : plain([text(NO_TOOLS)]);
    }
    case 'search': {
      const call = searchCall(ctx.rng, ctx.idRng, topic);
      if (scenario.error !== null) return plain(searchFailed(call.blocks, scenario.error));
      return plain([...call.blocks, ...searchAnswer(ctx.rng, topic)], { extraInputTokens: call.extraInputTokens, webSearchRequests: 1 });
    }
    case 'fetch': {
      const part = fetchTurn(ctx.rng.fork('fetch'), ctx.idRng, scenario.url ?? urlInPrompt(prompt) ?? DEFAULT_FETCH_URL, topic, req.serverTools, scenario.error);
      return plain(part.blocks, { extraInputTokens: part.extraInputTokens, webFetchRequests: part.fetched });
    }
    case 'code': {
      const part = codeTurn(ctx.rng.fork('code'), ctx.idRng, req.serverTools, req.container, scenario.error);
      if (scenario.pause) return plain(part.call, { stopReason: 'pause_turn', container: part.container });
      return plain([...part.call, ...part.answer], { container: part.container });
    }
    case 'pause-turn': {
      const call = searchCall(ctx.rng, ctx.idRng, topic);
      return plain(call.blocks, { stopReason: 'pause_turn', extraInputTokens: call.extraInputTokens, webSearchRequests: 1 });
    }
    case 'max-tokens':
      return plain([text(markdownAnswer(ctx.rng, prompt, req.maxTokens + 200))]);
    case 'stop-sequence': {
      const seq = req.stopSequences[0] ?? 'STOP';
      const first = markdownAnswer(ctx.rng, prompt, 80);
      const blocks = [text(`${first}\n\n${seq}\n\n${markdownAnswer(ctx.rng, prompt, 80)}`)];
      return plain(blocks, { stopSequences: req.stopSequences.length > 0 ? req.stopSequences : [seq] });
    }
    case 'refusal':
      return plain([text('I understand what you are asking, but')], {
        stopReason: 'refusal',
        stopDetails: { type: 'refusal', category: null, explanation: 'This request was refused by the simulator (/sim refusal).' },
      });
    case 'error':
      return { kind: 'error', error: errorForStatus(scenario.status, scenario.retryAfter) };
    case 'midstream-error':
    case 'drop':
    case 'malformed': {
      const blocks = [text(normalAnswer(ctx, prompt))];
      return plain(blocks, { fault: { kind: scenario.name, atToken: faultPoint(blocks) } });
    }
    case 'stall': {
      const blocks = [text(normalAnswer(ctx, prompt))];
      return plain(blocks, { fault: { kind: 'stall', atToken: faultPoint(blocks), ms: scenario.seconds * 1000 } });
    }
    case 'unknown-event':
      return plain([
        text('Before the answer, this stream carries an event and a block type that no client knows yet.\n\n'),
        { type: 'event', name: 'message_progress', data: { type: 'message_progress', progress: { completed: 1, total: 2 } } },
        { type: 'unknown_block', block: { type: 'sim_hologram', id: makeId('holo', ctx.idRng), shape: 'tesseract', dimensions: 4 } },
        text(normalAnswer(ctx, prompt)),
      ]);
    default: {
      const never: never = scenario;
      return never;
    }
  }
}

function planNormal(req: ParsedRequest, ctx: PlanContext, prompt: string, topic: string): PlanOutcome {
  const last = req.messages[req.messages.length - 1];
  const finish = (blocks: PlannedBlock[], extra: Partial<TurnPlan> = {}): PlanOutcome => ({
    kind: 'turn',
    plan: turn(withThinking(blocks, req, ctx, topic, false, ctx.rng.fork('redacted').chance(0.15)), req, extra),
  });
  // Continuing after pause_turn: the client sent our server tool content back.
  if (last && last.role === 'assistant' && isPauseTurnContinuation(last)) {
    const lastType = getString(last.content[last.content.length - 1] ?? {}, 'type') ?? '';
    if (endsWithCodeResult(lastType)) {
      const part = codeTurn(ctx.rng.fork('code'), ctx.idRng, req.serverTools, req.container, null);
      return { kind: 'turn', plan: turn(part.answer, req, { container: part.container }) };
    }
    return { kind: 'turn', plan: turn(searchAnswer(ctx.rng, topic), req) };
  }
  const fromTools = toolResultAnswer(req);
  if (fromTools !== undefined) return finish([text(fromTools)]);
  const server = serverToolTurn(req, ctx, prompt, topic);
  if (server !== undefined) return finish(server.blocks, server.extra);
  if (req.toolChoice.type !== 'none' && toolToCall(req, prompt) !== undefined) {
    const calls = toolCalls(req, ctx, prompt, 1);
    if (calls) return finish(calls, { stopReason: 'tool_use' });
  }
  return finish([text(normalAnswer(ctx, prompt))]);
}

function searchFailed(callBlocks: PlannedBlock[], error: string): PlannedBlock[] {
  const blocks = callBlocks.map((b): PlannedBlock => (b.type === 'server_tool_result' ? { ...b, content: { type: 'web_search_tool_result_error', error_code: error } } : b));
  return [...blocks, text(`The search failed (\`${error}\`), so I'll answer from what I already know.`)];
}

const WANTS_CODE = /\b(run|execute|python|script|compute|plot|standard deviation|statistics)\b/i;
const WANTS_SEARCH = /\b(search|latest|news|today|this week|current(ly)?)\b/i;

/** A server tool the request offers, used when the prompt suits it (a URL to fetch, code to run, news to search). */
function serverToolTurn(req: ParsedRequest, ctx: PlanContext, prompt: string, topic: string): { blocks: PlannedBlock[]; extra: Partial<TurnPlan> } | undefined {
  const tools = req.serverTools;
  const url = urlInPrompt(prompt);
  if (tools.webFetch !== null && url !== null) {
    const part = fetchTurn(ctx.rng.fork('fetch'), ctx.idRng, url, topic, tools, null);
    return { blocks: part.blocks, extra: { extraInputTokens: part.extraInputTokens, webFetchRequests: part.fetched } };
  }
  if (tools.codeExecution !== null && WANTS_CODE.test(prompt)) {
    const part = codeTurn(ctx.rng.fork('code'), ctx.idRng, tools, req.container, null);
    return { blocks: [...part.call, ...part.answer], extra: { container: part.container } };
  }
  if (tools.webSearch !== null && WANTS_SEARCH.test(prompt)) {
    const call = searchCall(ctx.rng, ctx.idRng, topic);
    return { blocks: [...call.blocks, ...searchAnswer(ctx.rng, topic)], extra: { extraInputTokens: call.extraInputTokens, webSearchRequests: 1 } };
  }
  return undefined;
}
