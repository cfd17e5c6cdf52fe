// The two decoders under comparison, fed the same chunks.
import Anthropic from '@anthropic-ai/sdk';
import { applyDecodeError, applyEvent, createStreamedMessage, decodeEvent, endStream, toWireMessage, type StreamedMessage } from '../../src/protocol';
import { streamMessage } from '../../src/transport';
import { fakeFetch, installBrowserShims } from '../../src/transport/node-shims';

/** What a decoder made of a stream: the message (possibly partial) and how it ended. */
export interface Outcome {
  readonly message: unknown;
  /** 'complete', or the kind of failure: 'api:<type>' for an error event, 'incomplete', ... */
  readonly ending: string;
  /** Indexes of tool blocks whose raw input never became valid JSON (cut off by max_tokens). */
  readonly truncatedToolInputs?: readonly number[];
}

/** The app's own path: fetch-event-source (as in the browser) -> decode -> reduce. */
export async function ourPath(chunks: readonly Uint8Array[]): Promise<Outcome> {
  installBrowserShims();
  let message: StreamedMessage = createStreamedMessage(0);
  const end = await streamMessage(
    { url: 'http://conformance.invalid/v1/messages', body: {}, signal: new AbortController().signal, fetch: fakeFetch(() => ({ chunks })) },
    {
      onOpen: () => undefined,
      onMessage: (event, data) => {
        const decoded = decodeEvent(event, data);
        message = decoded.ok ? applyEvent(message, decoded.event, 0) : applyDecodeError(message, decoded.error);
      },
    },
  );
  message = endStream(message, end, 0);
  const error = message.error;
  const ending = message.status === 'complete' && error === null ? 'complete' : error === null ? message.status : error.kind === 'api' ? `api:${error.type}` : error.kind;
  const truncatedToolInputs = message.blocks.flatMap((block, index) => (block.kind === 'tool_input' && block.inputError !== null ? [index] : []));
  return { message: toWireMessage(message), ending, truncatedToolInputs };
}

/** The official SDK's MessageStream over the same bytes, through its own SSE decoder. */
export async function sdkPath(chunks: readonly Uint8Array[]): Promise<Outcome> {
  const client = new Anthropic({ apiKey: 'conformance', baseURL: 'http://conformance.invalid', maxRetries: 0, fetch: fakeFetch(() => ({ chunks })) });
  const stream = client.messages.stream({ model: 'claude-conformance', max_tokens: 1024, messages: [{ role: 'user', content: 'x' }] });
  stream.on('error', () => undefined);
  // The SDK drops its snapshot when a stream fails; keep the last one to compare what was received.
  let lastSnapshot: unknown = null;
  stream.on('streamEvent', (_event, snapshot) => {
    lastSnapshot = snapshot;
  });
  try {
    const message = await stream.finalMessage();
    return { message, ending: 'complete' };
  } catch (cause) {
    const message = stream.currentMessage ?? lastSnapshot;
    if (cause instanceof Anthropic.APIError) {
      const type = (cause.error as { error?: { type?: string } } | undefined)?.error?.type ?? 'unknown';
      return { message, ending: `api:${type}` };
    }
    const text = cause instanceof Error ? cause.message : String(cause);
    if (/without producing a Message|request ended without sending any chunks/.test(text)) return { message, ending: 'incomplete' };
    if (/JSON/.test(text)) return { message, ending: 'malformed' };
    return { message, ending: `sdk-error:${text}` };
  }
}
