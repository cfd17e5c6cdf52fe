// Hostile and malformed requests for the proxy's fuzz test, generated from a
// seed so that a failure replays exactly. Each case is the raw bytes to send
// (in parts, for slow bodies) and what the client does at the end.

export interface FuzzCase {
  readonly name: string;
  readonly parts: ReadonlyArray<string | Buffer>;
  readonly delayMs?: number;
  /** Half-close after sending: the request is truncated. */
  readonly end?: boolean;
  /** HEAD answers carry no body, so they cannot be checked for the envelope. */
  readonly head?: boolean;
}

/** mulberry32: small, fast, and the same sequence on every platform. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly [T, ...T[]]): T => items[Math.floor(random() * items.length)] ?? items[0];
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const bytes = (random: Random, length: number) => Buffer.from(Array.from({ length }, () => int(random, 0, 255)));

const POST_PATHS = ['/api/v1/messages', '/api/v1/messages/count_tokens'] as const;
const PATHS = ['/api/v1/messages', '/api/v1/messages/count_tokens', '/api/v1/models', '/api/v1/models/claude-sonnet-4-5', '/_app/status', '/api/v1/x', '/api/v1/models/..%2f', '/api'] as const;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'BREW', 'post', 'M-SEARCH', 'PROPFIND'] as const;

const VALID_BODY = JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] });

function request(method: string, path: string, headers: readonly string[], body: string | Buffer = ''): Buffer {
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  const head = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...headers, `Content-Length: ${length}`, '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), typeof body === 'string' ? Buffer.from(body) : body]);
}

function nonJsonBody(random: Random): Buffer {
  switch (int(random, 0, 5)) {
    case 0:
      return bytes(random, int(random, 1, 4000));
    case 1:
      // Truncated UTF-8: the first bytes of multi-byte sequences.
      return Buffer.concat([Buffer.from('{"messages":[{"role":"user","content":"'), Buffer.from([0xe2, 0x82]), Buffer.from([0xf0, 0x9f, 0x98])]);
    case 2:
      return Buffer.from(VALID_BODY.slice(0, int(random, 1, VALID_BODY.length - 1)));
    case 3:
      return Buffer.from('['.repeat(int(random, 1000, 20_000)));
    case 4:
      return Buffer.from(`{"stream":true,"x":"${'\\u0000'.repeat(int(random, 1, 500))}"}`);
    default:
      return Buffer.from(pick(random, ['', 'null', '42', '"str"', 'true', '{}', '{"model":1}', 'undefined', '\ufeff{}']));
  }
}

function hugeHeaders(random: Random): Buffer {
  switch (int(random, 0, 2)) {
    case 0:
      return request('GET', '/api/v1/models', [`X-Big: ${'a'.repeat(int(random, 8_000, 60_000))}`]);
    case 1:
      return request('POST', '/api/v1/messages', Array.from({ length: int(random, 100, 2000) }, (_, i) => `X-H${i}: ${'v'.repeat(int(random, 1, 40))}`), VALID_BODY);
    default:
      return request('GET', `/api/v1/models?q=${'q'.repeat(int(random, 8_000, 40_000))}`, []);
  }
}

function malformed(random: Random): Buffer {
  const raw = pick(random, [
    'GARBAGE\r\n\r\n',
    'GET /api/v1/models HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n',
    'POST /api/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n12345',
    'POST /api/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    'POST /api/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n',
    'POST /api/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n',
    'POST /api/v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n',
    'GET /api/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header: x\r\n\r\n',
    'GET /api/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Fold: a\r\n b\r\n\r\n',
    'GET /api/v1/models HTTP/1.1\nHost: 127.0.0.1\nConnection: close\n\n',
    'GET /api/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Nul: a\u0000b\r\n\r\n',
    'GET /api/v1/models\r\n\r\n',
    'GET /api/v1/models HTTP/1.0\r\nConnection: close\r\n\r\n',
    'GET /api/v1/models HTTP/1.1\r\nConnection: close\r\n\r\n',
    'GET /api/v1/models HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n',
  ]);
  return random() < 0.2 ? bytes(random, int(random, 1, 300)) : Buffer.from(raw, 'latin1');
}

export function fuzzCases(seed: number, count: number): FuzzCase[] {
  const random = seededRandom(seed);
  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pick(random, ['method', 'body', 'headers', 'slow', 'truncated', 'malformed', 'origin'] as const);
    switch (kind) {
      case 'method': {
        const method = pick(random, METHODS);
        cases.push({ name: `${i} method ${method}`, parts: [request(method, pick(random, PATHS), [], random() < 0.5 ? VALID_BODY : '')], head: method === 'HEAD' });
        break;
      }
      case 'body':
        cases.push({ name: `${i} non-JSON body`, parts: [request('POST', pick(random, POST_PATHS), ['Content-Type: application/json'], nonJsonBody(random))] });
        break;
      case 'headers':
        cases.push({ name: `${i} huge headers`, parts: [hugeHeaders(random)] });
        break;
      case 'slow': {
        // Declares a whole body, then drips a few bytes of it: the body timer must fire.
        const whole = request('POST', '/api/v1/messages', [], VALID_BODY);
        const headEnd = whole.indexOf('\r\n\r\n') + 4;
        const drips = Array.from({ length: int(random, 3, 12) }, (_, k) => whole.subarray(headEnd + k, headEnd + k + 1));
        cases.push({ name: `${i} slow body`, parts: [whole.subarray(0, headEnd), ...drips], delayMs: int(random, 20, 80) });
        break;
      }
      case 'truncated': {
        const whole = request('POST', '/api/v1/messages', [], VALID_BODY);
        cases.push({ name: `${i} truncated`, parts: [whole.subarray(0, int(random, 1, whole.length - 1))], end: true });
        break;
      }
      case 'malformed':
        cases.push({ name: `${i} malformed`, parts: [malformed(random)], end: random() < 0.5 });
        break;
      case 'origin': {
        const origin = pick(random, ['http://evil.example', 'null', 'http://127.0.0.1', 'ftp://127.0.0.1', '%%%', 'http://[::1', 'http://127.0.0.1:1']);
        cases.push({ name: `${i} origin ${origin}`, parts: [request('GET', '/api/v1/models', [`Origin: ${origin}`])] });
        break;
      }
      default: {
        const unreachable: never = kind;
        throw new Error(`unknown fuzz kind ${String(unreachable)}`);
      }
    }
  }
  return cases;
}
