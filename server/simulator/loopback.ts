// The simulator behind a plain HTTP server on 127.0.0.1, for scripts and
// benchmarks that want its exact bytes over a real socket; closed after `run`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Simulator } from './index';

export async function withSimulatorServer<T>(simulator: Simulator, run: (messagesUrl: string) => Promise<T>): Promise<T> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => void simulator.handle({ method: req.method ?? 'POST', path: '/v1/messages', headers: req.headers, body }, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/messages`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
