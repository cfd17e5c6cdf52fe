import type { AddressInfo } from 'node:net';
import type { Logger, Plugin } from 'vite';
import { createAppServer, describeHosts, describeMode } from './app-server';
import { isLoopbackHost, remoteWarning } from './proxy';
import { securityHeadersMiddleware } from './security-headers';

interface Listening {
  readonly listening: boolean;
  address(): AddressInfo | string | null;
  once(event: 'listening', listener: () => void): unknown;
}

/** Mounts the API proxy in `vite` (dev) and `vite preview`. */
export function apiProxyPlugin(): Plugin {
  const app = createAppServer();
  const extraHosts = app.config.proxy?.allowedHosts ?? [];
  return {
    name: 'claude-api-proxy',
    // Names in ALLOWED_HOSTS must pass Vite's own host check too, or it would refuse them before the proxy sees them.
    config: () => (extraHosts.length === 0 ? {} : { server: { allowedHosts: [...extraHosts] }, preview: { allowedHosts: [...extraHosts] } }),
    configureServer(server) {
      announce(server.config.logger, server.httpServer);
      // Added here, these run before Vite's own middlewares: every response carries them.
      server.middlewares.use(securityHeadersMiddleware('dev'));
      server.middlewares.use(app.middleware);
    },
    configurePreviewServer(server) {
      announce(server.config.logger, server.httpServer);
      server.middlewares.use(securityHeadersMiddleware('production'));
      server.middlewares.use(app.middleware);
    },
  };

  function announce(logger: Logger, httpServer: Listening | null): void {
    logger.info(describeMode(app.config));
    logger.info(describeHosts(app.config));
    if (httpServer === null) return;
    // Vite resolves --host itself; warn about the address it actually bound.
    const check = () => {
      const address = httpServer.address();
      if (typeof address === 'object' && address !== null && !isLoopbackHost(address.address)) logger.warn(remoteWarning(address.address));
    };
    if (httpServer.listening) check();
    else httpServer.once('listening', check);
  }
}
