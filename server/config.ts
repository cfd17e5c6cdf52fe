// Server configuration from the environment and an optional git-ignored .env.
// The key lives here and in the proxy's outgoing headers, nowhere else.
//
// Settings (all optional):
//   ANTHROPIC_API_KEY          forward to the API with this key; without it the simulator answers
//   ANTHROPIC_BASE_URL         upstream origin (default https://api.anthropic.com); requests never choose it
//   ALLOW_REMOTE=1             let `npm start` listen on a non-loopback host (--host/HOST); it refuses otherwise
//   ALLOWED_HOSTS=a,b          host names (no port) the proxy answers besides localhost, 127.0.0.1, [::1]
//   PROXY_BODY_TIMEOUT_MS      a request body must arrive within this (default 30000)
//   PROXY_UPSTREAM_TIMEOUT_MS  connect + response headers from the API (default 60000; streams then run freely)
//   PROXY_UPSTREAM_NONSTREAMING_TIMEOUT_MS  the same for non-streaming Messages (default 300000)
//   STREAM_GRACE_MS            a streamed answer with no reader attached is cancelled after this (default 30000; 0: at once)
//   STREAM_RETENTION_MS        a finished streamed answer is kept for reattaching this long (default 600000)
//   STREAM_MAX_BYTES           one stream's buffer (default 16 MB; a larger stream is not kept)
//   STREAM_TOTAL_BYTES         all streams' buffers (default 256 MB; the oldest finished go first)
//   STREAM_TEST_HOOKS=1        e2e only: POST /_app/test/cut-stream/{id} cuts the browser's connections to a stream
//   SIM_FIRST_TOKEN_MS, SIM_TOKENS_PER_SECOND  simulator pacing
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllowedHosts } from './proxy/guard';
import type { ProxyLimits } from './proxy/limits';
import type { StreamHubOptions } from './proxy/stream-hub';

export interface ProxySettings extends ProxyLimits {
  readonly allowedHosts?: readonly string[];
  readonly streams?: StreamHubOptions;
  readonly testHooks?: boolean;
}

export interface ServerConfig {
  readonly apiKey: string | null;
  readonly upstreamBaseUrl: string;
  readonly simulator: { readonly firstTokenDelayMs?: number; readonly tokensPerSecond?: number };
  /** Optional so that hand-built configs (tests) get the defaults. */
  readonly proxy?: ProxySettings;
  /** ALLOW_REMOTE: listening on a non-loopback host is allowed (production server). */
  readonly allowRemote?: boolean;
}

export const DEFAULT_UPSTREAM = 'https://api.anthropic.com';

/** Real environment variables win over .env entries. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = resolve(process.cwd(), '.env')): ServerConfig {
  const merged = { ...readEnvFile(envFile), ...definedOnly(env) };
  const apiKey = merged.ANTHROPIC_API_KEY?.trim() ?? '';
  return {
    apiKey: apiKey === '' ? null : apiKey,
    upstreamBaseUrl: (merged.ANTHROPIC_BASE_URL?.trim() || DEFAULT_UPSTREAM).replace(/\/+$/, ''),
    simulator: {
      firstTokenDelayMs: numberOrUndefined(merged.SIM_FIRST_TOKEN_MS),
      tokensPerSecond: numberOrUndefined(merged.SIM_TOKENS_PER_SECOND),
    },
    proxy: {
      allowedHosts: parseAllowedHosts((merged.ALLOWED_HOSTS ?? '').split(',')),
      bodyTimeoutMs: numberOrUndefined(merged.PROXY_BODY_TIMEOUT_MS),
      upstreamTimeoutMs: numberOrUndefined(merged.PROXY_UPSTREAM_TIMEOUT_MS),
      upstreamNonStreamingTimeoutMs: numberOrUndefined(merged.PROXY_UPSTREAM_NONSTREAMING_TIMEOUT_MS),
      streams: {
        graceMs: numberOrUndefined(merged.STREAM_GRACE_MS),
        retentionMs: numberOrUndefined(merged.STREAM_RETENTION_MS),
        maxStreamBytes: numberOrUndefined(merged.STREAM_MAX_BYTES),
        maxTotalBytes: numberOrUndefined(merged.STREAM_TOTAL_BYTES),
      },
      testHooks: isTrue(merged.STREAM_TEST_HOOKS),
    },
    allowRemote: isTrue(merged.ALLOW_REMOTE),
  };
}

export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match === null) continue;
    const [, name = '', raw = ''] = match;
    out[name] = raw.replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

function readEnvFile(path: string): Record<string, string> {
  return existsSync(path) ? parseEnvFile(readFileSync(path, 'utf8')) : {};
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) out[name] = value;
  return out;
}

function numberOrUndefined(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function isTrue(value: string | undefined): boolean {
  return /^(1|true|yes|on)$/i.test(value?.trim() ?? '');
}
