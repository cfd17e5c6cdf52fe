// What the simulator and the forwarder write a stream to when the proxy keeps
// it: a writable that looks to them like the HTTP response (status, headers,
// body, end, destroy, 'close', 'drain') and hands each part to the stream hub
// instead of a socket. Its 'close' before the end is how they learn the
// stream was cancelled (no reader came back in time, or Stop).
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';

export interface RelaySink {
  head(status: number, headers: Readonly<Record<string, string>>): void;
  data(chunk: Buffer): void;
  end(): void;
  /** The writer cut the stream off (an upstream that broke, the simulator's `drop`). */
  broke(): void;
}

export class RelayResponse extends Writable {
  statusCode = 200;
  headersSent = false;
  /** No socket: there is nothing to tune (the simulator sets no-delay on a real one). */
  readonly socket = null;

  constructor(private readonly sink: RelaySink) {
    super();
  }

  writeHead(status: number, headers: OutgoingHttpHeaders = {}): this {
    if (this.headersSent) return this;
    this.statusCode = status;
    this.headersSent = true;
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    this.sink.head(status, flat);
    return this;
  }

  flushHeaders(): void {
    this.writeHead(this.statusCode);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.writeHead(this.statusCode);
    this.sink.data(chunk);
    done();
  }

  override _final(done: (error?: Error | null) => void): void {
    this.writeHead(this.statusCode);
    this.sink.end();
    done();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    if (!this.writableFinished) this.sink.broke();
    done(error);
  }

  /**
   * The writers are typed against ServerResponse; this implements every
   * member they use (the proxy tests run both through it).
   */
  asServerResponse(): ServerResponse {
    return this as unknown as ServerResponse;
  }
}
