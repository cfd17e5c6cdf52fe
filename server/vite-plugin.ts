import type { Plugin } from 'vite';
import { createAppServer, describeMode } from './app-server';

/** Mounts the API proxy in `vite` (dev) and `vite preview`. */
export function apiProxyPlugin(): Plugin {
  const app = createAppServer();
  return {
    name: 'claude-api-proxy',
    configureServer(server) {
      server.config.logger.info(describeMode(app.config));
      server.middlewares.use(app.middleware);
    },
    configurePreviewServer(server) {
      server.config.logger.info(describeMode(app.config));
      server.middlewares.use(app.middleware);
    },
  };
}
