// Errors the proxy itself answers, in the API's envelope so every client
// (the SDK included) reads them like the API's own.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export function newRequestId(): string {
  return `req_proxy_${randomBytes(12).toString('hex')}`;
}

export function sendApiError(res: ServerResponse, status: number, type: string, message: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const requestId = newRequestId();
  const body = JSON.stringify({ type: 'error', error: { type, message }, request_id: requestId });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'request-id': requestId,
  });
  res.end(body);
}
