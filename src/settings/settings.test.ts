import { describe, expect, it } from 'vitest';
import { modelGeneration, modelTraits } from './model-traits';
import { defaultSettings, toRequestOptions } from './settings';
import { validateSettings } from './validate-settings';

const base = defaultSettings(['calculator']);

describe('modelTraits', () => {
  it('reads the generation from current and legacy ids', () => {
    expect(modelGeneration('claude-opus-4-6')).toBe(4.6);
    expect(modelGeneration('claude-sonnet-5')).toBe(5);
    expect(modelGeneration('claude-haiku-4-5-20251001')).toBe(4.5);
    expect(modelGeneration('claude-3-7-sonnet-20250219')).toBe(3.7);
    expect(modelGeneration('something-else')).toBeNull();
  });

  it('follows the documented rules for prefill, thinking and temperature', () => {
    expect(modelTraits('claude-sonnet-4-5')).toMatchObject({ acceptsPrefill: true, adaptiveThinking: false, manualThinking: true, customTemperature: true });
    expect(modelTraits('claude-opus-4-6')).toMatchObject({ acceptsPrefill: false, adaptiveThinking: true, manualThinking: true, customTemperature: true });
    expect(modelTraits('claude-opus-4-7')).toMatchObject({ acceptsPrefill: false, adaptiveThinking: true, manualThinking: false, customTemperature: false });
    expect(modelTraits('claude-opus-4-7', { manualThinking: true }).manualThinking).toBe(true);
  });
});

describe('validateSettings', () => {
  it('accepts the defaults', () => {
    expect(validateSettings(base, ['calculator'])).toEqual([]);
  });

  it('explains a thinking budget that is not below max tokens', () => {
    const problems = validateSettings({ ...base, model: 'claude-sonnet-4-5', maxTokens: 2000, thinking: { mode: 'enabled', budgetTokens: 2000 } }, []);
    expect(problems.map((p) => p.message)).toContain('The thinking budget (2000) must be below max tokens (2000).');
  });

  it('explains temperature on a model that rejects it, and forced tool use with thinking', () => {
    const problems = validateSettings(
      { ...base, model: 'claude-opus-4-7', temperature: 0.5, thinking: { mode: 'adaptive', effort: 'high' }, toolChoice: { type: 'any' } },
      ['calculator'],
    );
    expect(problems.map((p) => p.field)).toEqual(['temperature', 'toolChoice']);
  });

  it('explains a named tool choice that is not enabled', () => {
    expect(validateSettings({ ...base, toolChoice: { type: 'tool', name: 'nope' } }, ['calculator'])[0]?.message).toMatch(/"nope"/);
  });
});

describe('toRequestOptions', () => {
  it('asks for summarized adaptive thinking with the effort', () => {
    const options = toRequestOptions({ ...base, thinking: { mode: 'adaptive', effort: 'high' }, system: 'Be brief.', stopSequences: ['END'] }, []);
    expect(options).toMatchObject({ thinking: { type: 'adaptive', display: 'summarized' }, output_config: { effort: 'high' }, system: 'Be brief.', stop_sequences: ['END'] });
    expect(options.tools).toBeUndefined();
    expect(options.temperature).toBeUndefined();
  });

  it('sends tools with the tool choice, and a budget for enabled thinking', () => {
    const tool = { name: 'calculator', input_schema: { type: 'object' as const } };
    const options = toRequestOptions({ ...base, thinking: { mode: 'enabled', budgetTokens: 2048 }, toolChoice: { type: 'tool', name: 'calculator' } }, [tool]);
    expect(options).toMatchObject({ thinking: { type: 'enabled', budget_tokens: 2048, display: 'summarized' }, tools: [tool], tool_choice: { type: 'tool', name: 'calculator' } });
  });
});

describe('defaultSettings', () => {
  it('is a new conversation: the default model, every named built-in tool on, caching on, nothing else set', () => {
    const settings = defaultSettings(['calculator', 'convert_units']);
    expect(settings).toEqual({
      model: 'claude-sonnet-5-5',
      system: '',
      // The model's own default (model-limits.ts), well above 4,096, so long answers run to their end.
      maxTokens: 128_000,
      temperature: null,
      stopSequences: [],
      thinking: { mode: 'off' },
      builtinTools: { calculator: true, convert_units: true },
      customToolsJson: '',
      toolChoice: { type: 'auto' },
      approval: 'auto',
      maxRoundTrips: 10,
      promptCaching: true,
      stallTimeoutSeconds: 30,
      // Claude's own tools start off (see the README's "Claude's own tools").
      serverTools: settings.serverTools,
    });
    expect(Object.values(settings.serverTools).map((tool) => tool.enabled)).toEqual([false, false, false]);
    expect(defaultSettings().builtinTools).toEqual({});
  });
});

describe('toRequestOptions, field by field', () => {
  it('sends only what is set: model, max tokens and stream always', () => {
    expect(toRequestOptions({ ...base, system: '  \n ' }, [])).toEqual({ model: base.model, max_tokens: base.maxTokens, stream: true });
  });

  it('sends a temperature of 0, and copies the stop sequences', () => {
    const stops = ['A', 'B'];
    const options = toRequestOptions({ ...base, temperature: 0, stopSequences: stops }, []);
    expect(options).toEqual({ model: base.model, max_tokens: base.maxTokens, stream: true, temperature: 0, stop_sequences: ['A', 'B'] });
    expect(options.stop_sequences).not.toBe(stops);
  });

  it('maps each tool choice', () => {
    const tool = { name: 'calculator', input_schema: { type: 'object' as const } };
    for (const type of ['auto', 'any', 'none'] as const) expect(toRequestOptions({ ...base, toolChoice: { type } }, [tool]).tool_choice).toEqual({ type });
    expect(toRequestOptions({ ...base, toolChoice: { type: 'tool', name: 'calculator' } }, [tool]).tool_choice).toEqual({ type: 'tool', name: 'calculator' });
    expect(toRequestOptions(base, [tool]).tools).toEqual([tool]);
  });
});

describe('modelTraits at the boundaries', () => {
  it('4.5 takes prefill and a budget; 4.6 is the first without prefill and the last with a temperature', () => {
    expect(modelTraits('claude-haiku-4-5')).toEqual({ generation: 4.5, acceptsPrefill: true, adaptiveThinking: false, manualThinking: true, customTemperature: true });
    expect(modelTraits('claude-sonnet-4-6')).toEqual({ generation: 4.6, acceptsPrefill: false, adaptiveThinking: true, manualThinking: true, customTemperature: true });
    expect(modelTraits('claude-sonnet-5')).toEqual({ generation: 5, acceptsPrefill: false, adaptiveThinking: true, manualThinking: false, customTemperature: false });
  });

  it('treats an unknown id as current, and knows the preview and legacy ids', () => {
    expect(modelTraits('some-new-model')).toEqual({ generation: null, acceptsPrefill: false, adaptiveThinking: true, manualThinking: false, customTemperature: false });
    expect(modelGeneration('claude-mythos-preview')).toBe(4.65);
    expect(modelGeneration('claude-fable-5-2-20260101')).toBe(5.2);
    expect(modelGeneration('claude-3-opus-20240229')).toBe(3);
    expect(modelGeneration('claude-opus-4-6-extra')).toBeNull();
    expect(modelGeneration('xclaude-opus-4-6')).toBeNull();
    expect(modelGeneration('my-claude-3-opus')).toBeNull();
    expect(modelTraits('claude-3-7-sonnet-20250219').acceptsPrefill).toBe(true);
    expect(modelTraits('claude-sonnet-4-6', { adaptiveThinking: false }).adaptiveThinking).toBe(false);
  });
});
