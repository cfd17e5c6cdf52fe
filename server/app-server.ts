// Builds the proxy from configuration: the one place that decides between
// the real API and the simulator.
import { loadConfig, type ServerConfig } from './config';
import { createProxyMiddleware, LOCAL_HOSTNAMES, type Middleware } from './proxy';
import { createSimulator, type Simulator } from './simulator';

export interface AppServer {
  readonly middleware: Middleware;
  readonly simulator: Simulator;
  readonly config: ServerConfig;
}

export interface AppServerOptions {
  /** Where the proxy reports failures (default console.warn); lines never contain the key. */
  readonly log?: (line: string) => void;
}

export function createAppServer(config: ServerConfig = loadConfig(), options: AppServerOptions = {}): AppServer {
  const simulator = createSimulator({
    firstTokenDelayMs: config.simulator.firstTokenDelayMs,
    tokensPerSecond: config.simulator.tokensPerSecond,
  });
  const middleware = createProxyMiddleware({
    ...config.proxy,
    apiKey: config.apiKey,
    upstreamBaseUrl: config.upstreamBaseUrl,
    simulator,
    log: options.log,
  });
  return { middleware, simulator, config };
}

export function describeMode(config: ServerConfig): string {
  return config.apiKey === null
    ? 'No ANTHROPIC_API_KEY: answering from the built-in simulator.'
    : `ANTHROPIC_API_KEY set: forwarding to ${config.upstreamBaseUrl}.`;
}

/** Which Host names the proxy answers, so a refused name is never a mystery. */
export function describeHosts(config: ServerConfig): string {
  const extra = config.proxy?.allowedHosts ?? [];
  const names = [...LOCAL_HOSTNAMES, ...extra].join(', ');
  return `The API proxy answers requests addressed to ${names}${extra.length === 0 ? ' (add names with ALLOWED_HOSTS)' : ''}.`;
}
