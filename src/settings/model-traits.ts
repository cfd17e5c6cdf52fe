// What a model accepts, from its id (and from the capabilities the models
// list reports, when it does). Documented rules (see PROTOCOL.md):
// - Claude 4.6 and later reject assistant-message prefill and accept
//   adaptive thinking (`{type: "adaptive"}` with `output_config.effort`);
// - models released after Opus 4.6 reject a non-default temperature;
// - the newest models take adaptive thinking only.
export interface ModelCapabilities {
  readonly adaptiveThinking?: boolean;
  readonly manualThinking?: boolean;
}

export interface ModelTraits {
  /** The model's generation, e.g. 4.6 for claude-opus-4-6; null when the id does not say. */
  readonly generation: number | null;
  readonly acceptsPrefill: boolean;
  readonly adaptiveThinking: boolean;
  readonly manualThinking: boolean;
  readonly customTemperature: boolean;
}

const ID = /^claude-(?:opus|sonnet|haiku|fable|mythos)-(\d+)(?:-(\d))?(?:-\d{8})?$/;
const LEGACY_ID = /^claude-(\d)(?:-(\d))?-(?:opus|sonnet|haiku)/;

export function modelGeneration(id: string): number | null {
  const match = ID.exec(id) ?? LEGACY_ID.exec(id);
  if (match === null) return id === 'claude-mythos-preview' ? 4.65 : null;
  const major = Number(match[1]);
  const minor = match[2] === undefined ? 0 : Number(match[2]);
  return major + minor / 10;
}

export function modelTraits(id: string, capabilities: ModelCapabilities = {}): ModelTraits {
  const generation = modelGeneration(id);
  // An unknown id is treated as current: the safe choice for newer models.
  const modern = generation === null || generation >= 4.6;
  return {
    generation,
    acceptsPrefill: !modern,
    adaptiveThinking: capabilities.adaptiveThinking ?? modern,
    manualThinking: capabilities.manualThinking ?? (generation !== null && generation < 4.7),
    customTemperature: generation !== null && generation <= 4.6,
  };
}
