// The proxy's routes end to end, over a raw socket so that no client
// normalises the request target first: each route the README lists reaches
// the upstream with its path unchanged, and every other request is a 404 in
// the API's shape that never reaches the upstream.
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { apiError, closeServersAfterEach, listen, rawRequest, startProxy } from './test-helpers';

closeServersAfterEach();

async function proxyWithRecorder() {
  const seen: string[] = [];
  const upstream = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push(`${req.method ?? ''} ${req.url ?? ''}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  const { base } = await listen(upstream);
  const proxy = await startProxy({ upstreamBaseUrl: base });
  const send = (method: string, target: string) => {
    const body = method === 'POST' || method === 'PUT' || method === 'PATCH' ? '{}' : '';
    const head = `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    return rawRequest(proxy.port, [head + body]);
  };
  return { seen, send };
}

describe('proxy routes over the wire', () => {
  it.each([
    ['POST', '/api/v1/messages'],
    ['POST', '/api/v1/messages/count_tokens'],
    ['GET', '/api/v1/models'],
    ['GET', '/api/v1/models/claude-sonnet-4-5-20250929'],
    ['POST', '/api/v1/messages?beta=true'],
    ['GET', '/api/v1/models?limit=20&after_id=claude-opus-4-1'],
  ])('%s %s reaches the upstream unchanged', async (method, target) => {
    const { seen, send } = await proxyWithRecorder();
    const res = await send(method, target);
    expect(res.status).toBe(200);
    expect(seen).toEqual([`${method} ${target.slice('/api'.length)}`]);
  });

  it.each([
    // Other methods on the allowed paths.
    ['GET', '/api/v1/messages'],
    ['PUT', '/api/v1/messages'],
    ['PATCH', '/api/v1/messages'],
    ['DELETE', '/api/v1/messages'],
    ['OPTIONS', '/api/v1/messages'],
    ['HEAD', '/api/v1/models'],
    ['GET', '/api/v1/messages/count_tokens'],
    ['POST', '/api/v1/models'],
    ['DELETE', '/api/v1/models/claude-sonnet-4-5'],
    // Other API surfaces.
    ['POST', '/api/v1/messages/batches'],
    ['GET', '/api/v1/messages/batches'],
    ['GET', '/api/v1/messages/batches/msgbatch_01'],
    ['POST', '/api/v1/files'],
    ['GET', '/api/v1/files'],
    ['GET', '/api/v1/files/file_01/content'],
    ['POST', '/api/v1/complete'],
    ['GET', '/api/v1/organizations/me'],
    // Path traversal: dot segments are never resolved into another route.
    ['GET', '/api/v1/models/../files'],
    ['GET', '/api/v1/models/..'],
    ['GET', '/api/v1/models/.'],
    ['POST', '/api/v1/messages/../messages/batches'],
    ['POST', '/api/../api/v1/files'],
    ['POST', '/api/./v1/messages'],
    ['GET', '/api/v1/models/%2e%2e/files'],
    ['GET', '/api/v1/models/%2E%2E'],
    // Encoded slashes and separators.
    ['GET', '/api/v1/models/..%2Ffiles'],
    ['GET', '/api/v1/models/a%2Fb'],
    ['GET', '/api/v1/models%2Fclaude-sonnet-4-5'],
    ['POST', '/api/v1%2Fmessages'],
    ['GET', '/api/v1/models/claude%5C..%5Cfiles'],
    ['GET', '/api/v1/models/a\\b'],
    // Query and fragment tricks.
    ['POST', '/api/v1/files?/v1/messages'],
    ['POST', '/api/v1/messages%3Fx=/batches'],
    ['POST', '/api/v1/messages/batches?path=/v1/messages'],
    ['POST', '/api/v1/messages;/batches'],
    ['POST', '/api/v1/messages#/batches'],
    ['GET', '/api/v1/models/claude-sonnet-4-5#/../../files'],
    // Not quite the route.
    ['POST', '/api//v1/messages'],
    ['POST', '/api/v1/messages/'],
    ['POST', '/api/V1/messages'],
    ['GET', '/api'],
    ['GET', '/api/'],
  ])('%s %s is a 404 in the API shape that never reaches the upstream', async (method, target) => {
    const { seen, send } = await proxyWithRecorder();
    const res = await send(method, target);
    expect(res.status).toBe(404);
    if (method !== 'HEAD') expect(apiError(res.body)).toMatchObject({ type: 'not_found_error' });
    expect(seen).toEqual([]);
  });

  it.each([
    ['POST', '/api%2Fv1/messages'],
    ['GET', '/apiv1/models'],
    ['GET', '/%61pi/v1/models'],
  ])('%s %s is not under /api: left to the app, never forwarded', async (method, target) => {
    const { seen, send } = await proxyWithRecorder();
    const res = await send(method, target);
    expect(res.status).toBe(418);
    expect(seen).toEqual([]);
  });
});
