// Shared types of the simulator's pure core. The HTTP shell (handler.ts) only
// sees ParsedRequest in and Step[] / ApiErrorSpec out.
import type { JsonObject, JsonValue } from './json';
import type { ModelSpec } from './models';

export type ApiVersion = '2023-06-01' | '2026-10-21';
export type ThinkingDisplay = 'summarized' | 'omitted';

export type ThinkingSetting =
  | { mode: 'off' }
  | { mode: 'enabled'; budgetTokens: number; display: ThinkingDisplay }
  | { mode: 'adaptive'; display: ThinkingDisplay };

export type ToolChoiceSetting =
  | { type: 'auto'; disableParallel: boolean }
  | { type: 'any'; disableParallel: boolean }
  | { type: 'tool'; name: string; disableParallel: boolean }
  | { type: 'none' };

// 'system' is a mid-conversation system message (SDK 1.12 allows it); it is not a turn.
export type Role = 'user' | 'assistant' | 'system';

/** A message with its content normalised to a list of blocks. */
export interface SimMessage {
  role: Role;
  content: JsonObject[];
}

/** A validated request to /v1/messages or /v1/messages/count_tokens. */
export interface ParsedRequest {
  apiVersion: ApiVersion;
  /** The model id exactly as the client sent it (echoed back in `model`). */
  modelId: string;
  model: ModelSpec;
  /** Absent for count_tokens. */
  maxTokens: number;
  messages: SimMessage[];
  system: JsonObject[];
  tools: JsonObject[];
  toolChoice: ToolChoiceSetting;
  thinking: ThinkingSetting;
  effort: string | null;
  stopSequences: string[];
  stream: boolean;
  /** Top-level `cache_control` (automatic caching), if any. */
  topCacheControl: JsonObject | null;
  /** The server tools the request offers, validated (server-tools.ts). */
  serverTools: ServerToolConfig;
  /** The request's `container` (an id), if any. */
  container: string | null;
}

export interface ServerToolConfig {
  webSearch: { type: string; maxUses: number | null; allowedDomains: string[]; blockedDomains: string[] } | null;
  webFetch: { type: string; maxUses: number | null; allowedDomains: string[]; blockedDomains: string[]; citations: boolean; maxContentTokens: number | null } | null;
  codeExecution: { type: string } | null;
}

export interface ApiErrorSpec {
  status: number;
  type: string;
  message: string;
  /** Extra response headers, e.g. retry-after on 429. */
  headers?: Record<string, string>;
}

export type StopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'pause_turn' | 'refusal';

/** Usage numbers for one response, already split by the prompt cache. */
export interface InputUsage {
  inputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
  cacheCreation5m: number;
  cacheCreation1h: number;
}

/** One unit of what the HTTP shell does for a streamed response. */
export type Step =
  /** An SSE event; `tokens` is how many output tokens it carries (drives pacing). */
  | { kind: 'event'; name: string; data: JsonValue; tokens: number }
  /** Raw bytes written as-is (used to send a malformed event). */
  | { kind: 'raw'; text: string }
  /** Where the time-to-first-token wait goes. */
  | { kind: 'first-token' }
  /** Send nothing at all for this long (no keep-alive pings either). */
  | { kind: 'stall'; ms: number }
  /** Cut the connection without finishing the response. */
  | { kind: 'drop' };

/** A content block the turn will contain, before it is cut into events. */
export type PlannedBlock =
  | { type: 'text'; text: string; citations: JsonObject[] }
  /** With display "omitted", `thinking` is '' and hiddenTokens is the reasoning's size. */
  | { type: 'thinking'; thinking: string; signature: string; hiddenTokens: number }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'tool_use'; id: string; name: string; input: JsonObject }
  | { type: 'server_tool_use'; id: string; name: string; input: JsonObject }
  /** web_search_tool_result, web_fetch_tool_result, (bash_|text_editor_)code_execution_tool_result: whole at start, no deltas. */
  | { type: 'server_tool_result'; blockType: string; toolUseId: string; content: JsonValue }
  /** A block type no client knows (unknown-event scenario); start + stop, no deltas. */
  | { type: 'unknown_block'; block: JsonObject }
  /** A bare event between blocks (unknown-event scenario); takes no index. */
  | { type: 'event'; name: string; data: JsonObject };

/** A transport fault injected once `atToken` output tokens have been streamed. */
export type Fault =
  | { kind: 'midstream-error'; atToken: number }
  | { kind: 'drop'; atToken: number }
  | { kind: 'stall'; atToken: number; ms: number }
  | { kind: 'malformed'; atToken: number };

export interface TurnPlan {
  blocks: PlannedBlock[];
  /** Reason if the turn runs to its end (max_tokens / stop sequences may cut it first). */
  stopReason: StopReason;
  stopDetails: JsonObject | null;
  /** Stop sequences the renderer watches for in text blocks. */
  stopSequences: string[];
  fault: Fault | null;
  /** Input tokens added during the turn (web search results). */
  extraInputTokens: number;
  webSearchRequests: number;
  webFetchRequests: number;
  /** The code execution container the turn ran in (sent in message_delta), if any. */
  container: JsonObject | null;
}
