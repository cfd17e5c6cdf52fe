// Server configuration from the environment and an optional git-ignored .env.
// The key lives here and in the proxy's outgoing headers, nowhere else.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface ServerConfig {
  readonly apiKey: string | null;
  readonly upstreamBaseUrl: string;
  readonly simulator: { readonly firstTokenDelayMs?: number; readonly tokensPerSecond?: number };
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
