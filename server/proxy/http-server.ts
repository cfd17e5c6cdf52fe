// Requests Node's HTTP parser rejects before any middleware runs (headers over
// 16 KB, malformed request lines, bad chunk framing, header timeouts) get an
// answer in the API's error envelope too, so every failure a client can
// provoke reads the same. Vite installs its own handler for dev and preview.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBody, errorHeaders, newRequestId, type ApiFailure } from './api-error';

const REASONS: Readonly<Record<number, string>> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 431: 'Request Header Fields Too Large' };

export function parserFailure(code: string): ApiFailure {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, type: 'invalid_request_error', message: 'Request headers are too large.' };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, type: 'request_too_large', message: 'Request chunk extensions are too large.' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, type: 'invalid_request_error', message: 'The request did not arrive in time.' };
    default:
      return { status: 400, type: 'invalid_request_error', message: 'The request is not valid HTTP.' };
  }
}

/** A raw HTTP/1.1 response for a connection that has no usable request object. */
export function rawFailureResponse(failure: ApiFailure): string {
  const requestId = newRequestId();
  const body = errorBody(failure, requestId);
  const lines = Object.entries({ ...errorHeaders(body, requestId), connection: 'close' }).map(([name, value]) => `${name}: ${String(value)}`);
  return `HTTP/1.1 ${failure.status} ${REASONS[failure.status] ?? 'Error'}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

export function answerClientError(error: Error, socket: Duplex): void {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  // Like Node's default: answer only a connection that is still open and has
  // not started a response (a half-written response cannot be repaired).
  const written = 'bytesWritten' in socket && typeof socket.bytesWritten === 'number' ? socket.bytesWritten : 0;
  if (code === 'ECONNRESET' || !socket.writable || written > 0) {
    socket.destroy();
    return;
  }
  // The parser cannot continue on this connection: close it once the answer is out.
  socket.end(rawFailureResponse(parserFailure(code)), () => socket.destroy());
}

/** Applies the proxy's connection-level policy to a plain node:http server. */
export function hardenServer(server: Server): Server {
  server.on('clientError', answerClientError);
  return server;
}

/**
 * A node:http server for the proxy. Node's own check for a missing Host
 * answers a bare 400; the proxy's guard refuses those requests itself, in the
 * API's envelope, so Node's is turned off.
 */
export function createProxyServer(listener: RequestListener): Server {
  return hardenServer(createServer({ requireHostHeader: false }, listener));
}
