export { modelGeneration, modelTraits, type ModelCapabilities, type ModelTraits } from './model-traits';
export {
  API_VERSION,
  DEFAULT_MODEL,
  defaultSettings,
  toRequestOptions,
  type ConversationSettings,
  type RequestOptions,
  type ThinkingEffort,
  type ThinkingSetting,
  type ToolChoiceSetting,
} from './settings';
export { validateSettings, MIN_THINKING_BUDGET, type SettingsProblem } from './validate-settings';
