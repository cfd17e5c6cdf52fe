import { expect, type Page, type Response } from '@playwright/test';

export const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
export const lastAssistant = (page: Page) => page.locator('article[data-role="assistant"]').last();

/** Sends a message with Enter and returns the response of its Messages API request. */
export async function send(page: Page, text: string): Promise<Response> {
  await composer(page).fill(text);
  const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/messages') && r.request().method() === 'POST');
  await composer(page).press('Enter');
  return response;
}

export interface SseUsage {
  readonly start: Record<string, unknown>;
  readonly final: Record<string, unknown>;
  readonly model: string;
  readonly stopReason: string | null;
}

/** The usage the server sent, read from the raw SSE bytes: message_start, then each message_delta replacing fields. */
export function usageFromSse(body: string): SseUsage {
  let start: Record<string, unknown> = {};
  let final: Record<string, unknown> = {};
  let model = '';
  let stopReason: string | null = null;
  for (const line of body.split('\n')) {
    if (!line.startsWith('data:')) continue;
    let data: { type?: string; message?: { usage: Record<string, unknown>; model: string }; usage?: Record<string, unknown>; delta?: { stop_reason?: string } };
    try {
      data = JSON.parse(line.slice(5));
    } catch {
      continue;
    }
    if (data.type === 'message_start' && data.message) {
      start = data.message.usage;
      final = { ...start };
      model = data.message.model;
    }
    if (data.type === 'message_delta') {
      for (const [k, v] of Object.entries(data.usage ?? {})) if (v !== null) final[k] = v;
      stopReason = data.delta?.stop_reason ?? stopReason;
    }
  }
  return { start, final, model, stopReason };
}

export async function usageValue(page: Page, label: string): Promise<string> {
  const panel = lastAssistant(page).getByTestId('usage');
  const row = panel.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  await expect(row).toHaveCount(1);
  return (await row.textContent()) ?? '';
}

export const asCount = (value: unknown) => (typeof value === 'number' ? value.toLocaleString('en-US') : '—');

/** The last answer's four token rows (input, output, cache write, cache read) against the SSE usage it came with. */
export async function expectTokenRows(page: Page, usage: SseUsage): Promise<void> {
  for (const [label, field] of [
    ['Input tokens', 'input_tokens'],
    ['Output tokens', 'output_tokens'],
    ['Cache write tokens', 'cache_creation_input_tokens'],
    ['Cache read tokens', 'cache_read_input_tokens'],
  ] as const) {
    expect(await usageValue(page, label), label).toBe(asCount(usage.final[field]));
  }
}
