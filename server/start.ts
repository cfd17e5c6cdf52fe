// Production server: the proxy plus the built app from dist/.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createAppServer, describeMode } from './app-server';
import { serveStatic } from './static';

const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'string' } },
  allowPositionals: false,
});
const port = Number(values.port ?? process.env.PORT ?? 4173);
const host = values.host ?? process.env.HOST ?? '127.0.0.1';

const app = createAppServer();
const server = createServer((req, res) => {
  app.middleware(req, res, () => serveStatic(req, res));
});
server.listen(port, host, () => {
  console.log(`Claude Stream Chat on http://${host}:${port}/`);
  console.log(describeMode(app.config));
});
