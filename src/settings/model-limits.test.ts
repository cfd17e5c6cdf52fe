import { describe, expect, it } from 'vitest';
import { defaultMaxTokens, maxTokensAfterModelChange, modelLimits } from './model-limits';
import { defaultSettings } from './settings';

describe('model limits', () => {
  it('knows each model\'s context window and maximum output, and prefers what the models list reports', () => {
    expect(modelLimits('claude-sonnet-5-5')).toMatchObject({ contextWindow: 1_000_000, maxOutput: 128_000 });
    expect(modelLimits('claude-haiku-4-5-20251001')).toMatchObject({ contextWindow: 200_000, maxOutput: 64_000 });
    expect(modelLimits('claude-opus-4-6', { maxInputTokens: 500_000, maxTokens: 32_000 })).toEqual({ contextWindow: 500_000, maxOutput: 32_000, source: '[API]' });
    expect(modelLimits('claude-unknown')).toMatchObject({ contextWindow: 200_000, maxOutput: 64_000 });
  });

  it('defaults max tokens to the model\'s maximum output, well above 4,096, so /sim long 20000 is not cut off', () => {
    expect(defaultSettings().maxTokens).toBe(128_000);
    expect(defaultMaxTokens('claude-haiku-5-5')).toBe(64_000);
  });

  it('carries max tokens across a model change: a default follows the model, a chosen value stays within the new maximum', () => {
    expect(maxTokensAfterModelChange(128_000, 'claude-sonnet-5-5', 'claude-haiku-5-5')).toBe(64_000);
    expect(maxTokensAfterModelChange(64_000, 'claude-haiku-5-5', 'claude-opus-4-6')).toBe(128_000);
    expect(maxTokensAfterModelChange(4096, 'claude-sonnet-5-5', 'claude-opus-4-6')).toBe(128_000);
    expect(maxTokensAfterModelChange(2000, 'claude-sonnet-5-5', 'claude-opus-4-6')).toBe(2000);
    expect(maxTokensAfterModelChange(100_000, 'claude-sonnet-5-5', 'claude-haiku-5-5')).toBe(64_000);
  });
});
