// HTTP routing and responses. Everything here is I/O glue around engine.ts
// (what to send) and writer.ts (when to send it).
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { accumulate } from './accumulate';
import type { PromptCache } from './cache';
import { runCountTokens, runMessages } from './engine';
import { errorBody, invalidRequest, notFound } from './errors';
import { findModel, listModels, modelInfo } from './models';
import { playSteps, type Pacing } from './writer';
import type { ApiErrorSpec } from './types';
import { parseBetas } from './server-tools';
import { parseVersion } from './validate';

export interface HandlerContext {
  requestId: string;
  seed: number;
  serial: number;
  cache: PromptCache;
  pacing: Omit<Pacing, 'fast'>;
  signal: AbortSignal;
  /** Called just before the shell cuts the connection on purpose (drop scenario). */
  onDeliberateDrop: () => void;
}

export interface RouteRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stable fake organisation id; real responses always carry one. */
const ORGANIZATION_ID = '5f0c3a52-6a1e-4d8e-9b1e-51a7c0ffee00';

function baseHeaders(requestId: string): Record<string, string> {
  return { 'request-id': requestId, 'anthropic-organization-id': ORGANIZATION_ID };
}

/** The limits of a well-established organisation; `/sim limits <percent>` reports that share of each as remaining. */
const RATE_LIMITS: ReadonlyArray<readonly [key: string, limit: number]> = [
  ['requests', 4000],
  ['tokens', 2_400_000],
  // Input and output tokens are limited separately, as the API reports them.
  ['input-tokens', 2_000_000],
  ['output-tokens', 400_000],
];

/** Remaining counts at `percent` of each limit (a fresh minute when null); token counts are rounded to the nearest thousand, as the API documents. */
export function rateLimitHeaders(percent: number | null = null, now: number = Date.now()): Record<string, string> {
  const reset = new Date(now + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const headers: Record<string, string> = {};
  for (const [key, limit] of RATE_LIMITS) {
    const exact = percent === null ? (key === 'requests' ? limit - 1 : limit) : (limit * percent) / 100;
    const remaining = key === 'requests' ? Math.floor(exact) : Math.round(exact / 1000) * 1000;
    headers[`anthropic-ratelimit-${key}-limit`] = String(limit);
    headers[`anthropic-ratelimit-${key}-remaining`] = String(remaining);
    headers[`anthropic-ratelimit-${key}-reset`] = reset;
  }
  return headers;
}

function sendJson(res: ServerResponse, status: number, requestId: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...baseHeaders(requestId), ...extra });
  res.end(body);
}

export function sendError(res: ServerResponse, requestId: string, spec: ApiErrorSpec): void {
  sendJson(res, spec.status, requestId, errorBody(spec, requestId), spec.headers ?? {});
}

function statusForErrorType(type: string): number {
  return type === 'overloaded_error' ? 529 : type === 'rate_limit_error' ? 429 : 500;
}

/** Returns true when the response was completed normally. */
export async function route(req: RouteRequest, res: ServerResponse, ctx: HandlerContext): Promise<boolean> {
  const url = new URL(req.path, 'http://simulator.invalid');
  const path = url.pathname.replace(/\/+$/, '');
  const method = req.method.toUpperCase();

  if (method === 'POST' && path === '/v1/messages') return messages(req, res, ctx);
  if (method === 'POST' && path === '/v1/messages/count_tokens') {
    const version = parseVersion(req.headers['anthropic-version']);
    if (typeof version !== 'string') {
    sendError(res, ctx.requestId, version);
    return true;
  }
    const result = runCountTokens(req.body, version, parseBetas(req.headers['anthropic-beta']));
    if (result.kind === 'error') {
    sendError(res, ctx.requestId, result.error);
    return true;
  }
    {
    sendJson(res, 200, ctx.requestId, JSON.stringify({ input_tokens: result.inputTokens }));
    return true;
  }
  }
  if (method === 'GET' && path === '/v1/models') {
    const page = listModels(url.searchParams);
    if (!page.ok) {
    sendError(res, ctx.requestId, invalidRequest(page.message));
    return true;
  }
    {
    sendJson(res, 200, ctx.requestId, JSON.stringify(page.page));
    return true;
  }
  }
  const modelMatch = /^\/v1\/models\/([^/]+)$/.exec(path);
  if (method === 'GET' && modelMatch) {
    const id = decodeURIComponent(modelMatch[1] ?? '');
    const model = findModel(id);
    if (!model) {
    sendError(res, ctx.requestId, notFound(`model: ${id}`));
    return true;
  }
    {
    sendJson(res, 200, ctx.requestId, JSON.stringify(modelInfo(model)));
    return true;
  }
  }
  {
    sendError(res, ctx.requestId, notFound('Not Found'));
    return true;
  }
}

async function messages(req: RouteRequest, res: ServerResponse, ctx: HandlerContext): Promise<boolean> {
  const version = parseVersion(req.headers['anthropic-version']);
  if (typeof version !== 'string') {
    sendError(res, ctx.requestId, version);
    return true;
  }
  const result = runMessages(req.body, version, ctx.cache, ctx.seed, ctx.serial, parseBetas(req.headers['anthropic-beta']));
  if (result.kind === 'error') {
    sendError(res, ctx.requestId, result.error);
    return true;
  }
  const pacing: Pacing = { ...ctx.pacing, fast: result.fast, ...(result.tokensPerSecond === null ? {} : { tokensPerSecond: result.tokensPerSecond }) };

  if (result.request.stream) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      ...baseHeaders(ctx.requestId),
      ...rateLimitHeaders(result.rateLimitPercent),
    });
    res.flushHeaders();
    res.socket?.setNoDelay(true);
    const outcome = await playSteps(result.rendered.steps, res, pacing, ctx.signal);
    if (outcome === 'dropped') {
      ctx.onDeliberateDrop();
      res.destroy();
    }
    if (outcome !== 'finished') return false;
    res.end();
    return true;
  }

  // Non-streaming: the same steps, accumulated; the wait is the whole generation time.
  const whole = accumulate(result.rendered.steps);
  const waitMs = whole.stallMs + (pacing.fast ? 0 : pacing.firstTokenDelayMs + (whole.tokens * 1000) / pacing.tokensPerSecond);
  if (waitMs > 0) {
    try {
      await pacing.sleep(waitMs, ctx.signal);
    } catch {
      // aborted: checked below
    }
  }
  if (ctx.signal.aborted) return false;
  switch (whole.kind) {
    case 'message':
      sendJson(res, 200, ctx.requestId, JSON.stringify(whole.message), rateLimitHeaders(result.rateLimitPercent));
      return true;
    case 'error':
      sendError(res, ctx.requestId, { status: statusForErrorType(whole.errorType), type: whole.errorType, message: whole.message });
      return true;
    case 'drop':
      ctx.onDeliberateDrop();
      res.destroy();
      return false;
    case 'malformed':
      sendJson(res, 200, ctx.requestId, whole.partialBody, rateLimitHeaders(result.rateLimitPercent));
      return true;
    default: {
      const never: never = whole;
      return never;
    }
  }
}
