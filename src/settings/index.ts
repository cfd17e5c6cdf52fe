export { defaultMaxTokens, LEGACY_DEFAULT_MAX_TOKENS, MODEL_LIMITS, maxTokensAfterModelChange, modelLimits, type ModelLimits, type ReportedLimits } from './model-limits';
export { modelGeneration, modelTraits, type ModelCapabilities, type ModelTraits } from './model-traits';
export {
  API_VERSION,
  DEFAULT_MODEL,
  defaultSettings,
  requestHeaders,
  toRequestOptions,
  type ConversationSettings,
  type RequestOptions,
  type ThinkingEffort,
  type ThinkingSetting,
  type ToolChoiceSetting,
} from './settings';
export { validateSettings, MIN_THINKING_BUDGET, type SettingsProblem } from './validate-settings';
export {
  CODE_EXECUTION_TOOL_TYPE,
  SERVER_TOOL_BETAS,
  WEB_FETCH_TOOL_TYPE,
  WEB_SEARCH_TOOL_TYPE,
  betasForTools,
  defaultServerTools,
  parseDomainList,
  serverToolDefinitions,
  serverToolProblems,
  withServerToolDefaults,
  type ServerToolDefinition,
  type ServerToolsSetting,
  type WebFetchSetting,
  type WebSearchSetting,
} from './server-tools';
