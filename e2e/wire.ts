// Reading what went over the wire in e2e tests: the content blocks of a streamed answer, rebuilt
// from its raw SSE bytes, and the Messages requests a page sends.
import type { Page, Request } from '@playwright/test';

export type WireBlock = Record<string, unknown>;

interface SseData {
  type?: string;
  index?: number;
  content_block?: WireBlock;
  delta?: { type?: string; text?: string; thinking?: string; signature?: string; partial_json?: string; stop_reason?: string };
}

/** The final content blocks of a streamed message, as the API would return them whole. */
export function contentFromSse(body: string): { content: WireBlock[]; stopReason: string | null } {
  const blocks: WireBlock[] = [];
  const json: Record<number, string> = {};
  let stopReason: string | null = null;
  for (const line of body.split('\n')) {
    if (!line.startsWith('data:')) continue;
    const data = JSON.parse(line.slice(5)) as SseData;
    const index = data.index ?? 0;
    const block = blocks[index];
    switch (data.type) {
      case 'content_block_start':
        blocks[index] = { ...data.content_block };
        if ('input' in (data.content_block ?? {})) json[index] = '';
        break;
      case 'content_block_delta':
        if (block === undefined) break;
        if (data.delta?.type === 'text_delta') block.text = `${String(block.text ?? '')}${data.delta.text ?? ''}`;
        if (data.delta?.type === 'thinking_delta') block.thinking = `${String(block.thinking ?? '')}${data.delta.thinking ?? ''}`;
        if (data.delta?.type === 'signature_delta') block.signature = data.delta.signature;
        if (data.delta?.type === 'input_json_delta') json[index] = `${json[index] ?? ''}${data.delta.partial_json ?? ''}`;
        break;
      case 'content_block_stop':
        if (block !== undefined && json[index] !== undefined) block.input = json[index] === '' ? {} : JSON.parse(json[index] ?? '{}');
        break;
      case 'message_delta':
        stopReason = data.delta?.stop_reason ?? stopReason;
        break;
      default:
        break;
    }
  }
  return { content: blocks, stopReason };
}

export interface MessagesExchange {
  readonly body: { model: string; messages: Array<{ role: string; content: string | WireBlock[] }> };
  readonly sse: string;
}

/** Records every Messages request with its body and its whole response, in order. */
export function recordExchanges(page: Page): { readonly all: MessagesExchange[]; settled(count: number): Promise<MessagesExchange[]> } {
  const all: MessagesExchange[] = [];
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (request: Request) => {
    if (!request.url().endsWith('/api/v1/messages') || request.method() !== 'POST') return;
    pending.push(
      (async () => {
        const response = await request.response();
        const sse = response === null ? '' : await response.text();
        all.push({ body: request.postDataJSON() as MessagesExchange['body'], sse });
      })(),
    );
  });
  return {
    all,
    async settled(count: number) {
      while (all.length < count) {
        await Promise.all(pending);
        if (all.length < count) await page.waitForEvent('requestfinished', { timeout: 15_000 });
      }
      await Promise.all(pending);
      return all;
    },
  };
}
