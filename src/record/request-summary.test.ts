import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rateLimitsOf } from './rate-limits';
import { sha256Hex, summariseBody } from './request-summary';

describe('the request as recorded', () => {
  it('replaces each base64 attachment with its media type, size and SHA-256, and keeps everything else', async () => {
    const png = Buffer.from('not really a png').toString('base64');
    const body = {
      model: 'claude-x',
      max_tokens: 10,
      messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } }, { type: 'text', text: 'what is this?' }] }],
    };
    const summary = await summariseBody(body, sha256Hex);
    const sha256 = createHash('sha256').update('not really a png').digest('hex');
    expect(summary).toEqual({
      ...body,
      messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', bytes: 16, sha256 } }, { type: 'text', text: 'what is this?' }] }],
    });
    expect(JSON.stringify(summary)).not.toContain(png);
  });
});

describe('rate limits', () => {
  it('summarises every limit the headers report: remaining of limit, and when it resets', () => {
    const limits = rateLimitsOf({
      'anthropic-ratelimit-requests-limit': '4000',
      'anthropic-ratelimit-requests-remaining': '3999',
      'anthropic-ratelimit-requests-reset': '2026-12-07T10:01:00Z',
      'anthropic-ratelimit-input-tokens-limit': '400000',
      'anthropic-ratelimit-input-tokens-remaining': '12',
      'anthropic-ratelimit-output-tokens-limit': '80000',
      'content-type': 'text/event-stream',
    });
    expect(limits).toEqual([
      { name: 'Requests', remaining: 3999, limit: 4000, resetsAt: Date.parse('2026-12-07T10:01:00Z') },
      { name: 'Input tokens', remaining: 12, limit: 400000, resetsAt: null },
      { name: 'Output tokens', remaining: null, limit: 80000, resetsAt: null },
    ]);
    expect(rateLimitsOf({})).toEqual([]);
  });
});
