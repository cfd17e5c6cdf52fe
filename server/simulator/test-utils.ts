// Helpers shared by the simulator's tests (not used at runtime).
import http from 'node:http';
import { createSimulator, type Simulator, type SimulatorOptions } from './index';
import { PromptCache } from './cache';
import { runMessages, type MessagesResult } from './engine';
import { getObject, getString, isObject, type JsonObject } from './json';
import type { Step } from './types';

export function body(fields: Record<string, unknown>): string {
  return JSON.stringify({ model: 'claude-opus-4-6', max_tokens: 4096, ...fields });
}

export function userText(text: string, fields: Record<string, unknown> = {}): string {
  return body({ messages: [{ role: 'user', content: text }], ...fields });
}

export function run(bodyText: string, seed = 1, cache = new PromptCache()): MessagesResult {
  return runMessages(bodyText, '2023-06-01', cache, seed, 1);
}

export function okSteps(result: MessagesResult): Step[] {
  if (result.kind !== 'ok') throw new Error(`expected a turn, got ${JSON.stringify(result.error)}`);
  return result.rendered.steps;
}

export interface EventView {
  name: string;
  data: JsonObject;
}

export function events(steps: readonly Step[]): EventView[] {
  const out: EventView[] = [];
  for (const s of steps) if (s.kind === 'event' && isObject(s.data)) out.push({ name: s.name, data: s.data });
  return out;
}

export function deltaText(steps: readonly Step[], type: string, field: string): string {
  return events(steps)
    .filter((e) => e.name === 'content_block_delta')
    .map((e) => getObject(e.data, 'delta') ?? {})
    .filter((d) => d['type'] === type)
    .map((d) => getString(d, field) ?? '')
    .join('');
}

export function finalUsage(steps: readonly Step[]): JsonObject {
  const delta = events(steps).find((e) => e.name === 'message_delta');
  return (delta && getObject(delta.data, 'usage')) ?? {};
}

export function stopReason(steps: readonly Step[]): unknown {
  const delta = events(steps).find((e) => e.name === 'message_delta');
  return delta ? getObject(delta.data, 'delta')?.['stop_reason'] : undefined;
}

/**
 * Checks the stream grammar of PROTOCOL.md §2 and returns the problems found:
 * message_start first; blocks strictly sequential with indices 0,1,2...;
 * deltas only inside the open block; message_delta then message_stop last
 * (unless the stream ends with an error); the event name equals data.type.
 */
export function grammarProblems(steps: readonly Step[], opts: { allowUnclosedTool?: boolean; knownOnly?: boolean } = {}): string[] {
  const problems: string[] = [];
  const evs = events(steps);
  const known = new Set(['message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop', 'ping', 'error']);
  if (evs[0]?.name !== 'message_start') problems.push('first event is not message_start');
  let open: number | null = null;
  let nextIndex = 0;
  let sawDelta = false;
  let ended = false;
  for (const e of evs) {
    if (e.data['type'] !== e.name) problems.push(`event ${e.name} has data.type ${String(e.data['type'])}`);
    if (ended) problems.push(`event ${e.name} after the end`);
    if (opts.knownOnly !== false && !known.has(e.name)) problems.push(`unknown event ${e.name}`);
    const index = e.data['index'];
    switch (e.name) {
      case 'content_block_start':
        if (open !== null) problems.push(`block ${String(index)} starts while ${open} is open`);
        if (index !== nextIndex) problems.push(`block index ${String(index)}, expected ${nextIndex}`);
        open = nextIndex;
        nextIndex++;
        break;
      case 'content_block_delta':
        if (index !== open) problems.push(`delta for ${String(index)} while open is ${String(open)}`);
        break;
      case 'content_block_stop':
        if (index !== open) problems.push(`stop for ${String(index)} while open is ${String(open)}`);
        open = null;
        break;
      case 'message_delta':
        if (open !== null && !opts.allowUnclosedTool) problems.push(`message_delta while block ${open} is open`);
        sawDelta = true;
        break;
      case 'message_stop':
        if (!sawDelta) problems.push('message_stop without message_delta');
        ended = true;
        break;
      case 'error':
        ended = true;
        break;
      default:
        break;
    }
  }
  const last = evs[evs.length - 1]?.name;
  if (last !== 'message_stop' && last !== 'error' && !steps.some((s) => s.kind === 'drop')) problems.push(`last event is ${String(last)}`);
  return problems;
}

export function sumStepTokens(steps: readonly Step[]): number {
  return steps.reduce((n, s) => n + (s.kind === 'event' ? s.tokens : 0), 0);
}

export interface TestServer {
  url: string;
  sim: Simulator;
  close: () => Promise<void>;
}

/** The simulator behind a real node:http server on 127.0.0.1, port 0. */
export async function startServer(options: SimulatorOptions = { firstTokenDelayMs: 0, tokensPerSecond: 1_000_000 }): Promise<TestServer> {
  const sim = createSimulator(options);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void sim.handle({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    sim,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
