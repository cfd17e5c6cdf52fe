// Builds the proxy from configuration: the one place that decides between
// the real API and the simulator.
import { loadConfig, type ServerConfig } from './config';
import { createProxyMiddleware, type Middleware } from './proxy';
import { createSimulator, type Simulator } from './simulator';

export interface AppServer {
  readonly middleware: Middleware;
  readonly simulator: Simulator;
  readonly config: ServerConfig;
}

export function createAppServer(config: ServerConfig = loadConfig()): AppServer {
  const simulator = createSimulator({
    firstTokenDelayMs: config.simulator.firstTokenDelayMs,
    tokensPerSecond: config.simulator.tokensPerSecond,
  });
  const middleware = createProxyMiddleware({ apiKey: config.apiKey, upstreamBaseUrl: config.upstreamBaseUrl, simulator });
  return { middleware, simulator, config };
}

export function describeMode(config: ServerConfig): string {
  return config.apiKey === null
    ? 'No ANTHROPIC_API_KEY: answering from the built-in simulator.'
    : `ANTHROPIC_API_KEY set: forwarding to ${config.upstreamBaseUrl}.`;
}
