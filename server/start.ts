// Production server: the proxy plus the built app from dist/.
// Listens on 127.0.0.1 unless told otherwise; a non-loopback --host/HOST is
// refused without ALLOW_REMOTE=1 (see proxy/listen.ts for why).
import { parseArgs } from 'node:util';
import { createAppServer, describeHosts, describeMode } from './app-server';
import { loadConfig } from './config';
import { createProxyServer, planListen } from './proxy';
import { applySecurityHeaders } from './security-headers';
import { serveStatic } from './static';

const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'string' } },
  allowPositionals: false,
});
const config = loadConfig();
const plan = planListen({ host: values.host ?? process.env.HOST, port: values.port ?? process.env.PORT, allowRemote: config.allowRemote ?? false });
if (!plan.ok) {
  console.error(plan.message);
  process.exit(1);
}
if (plan.warning !== null) console.warn(plan.warning);

const app = createAppServer(config);
const server = createProxyServer((req, res) => {
  applySecurityHeaders(res, 'production');
  app.middleware(req, res, () => serveStatic(req, res));
});
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(`Could not listen on ${plan.host}:${plan.port} (${error.code ?? error.name}).`);
  process.exit(1);
});
server.listen(plan.port, plan.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : plan.port;
  console.log(`Claude Stream Chat on http://${plan.host.includes(':') ? `[${plan.host}]` : plan.host}:${port}/`);
  console.log(describeMode(app.config));
  console.log(describeHosts(app.config));
});
