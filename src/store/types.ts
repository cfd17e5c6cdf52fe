// The transcript's message types. Messages form a tree: each names its
// parent (null for the first message of a branch at the root), so editing a
// question or regenerating an answer adds a sibling instead of replacing.
import type { StreamedMessage } from '../protocol';
import type { Attachment } from '../attachments';
import type { ConversationSettings, ModelCapabilities, ReportedLimits } from '../settings';
import type { ResumePoint } from '../transport';

interface MessageBase {
  readonly id: string;
  /** The message this one answers or follows; null at the root. */
  readonly parentId: string | null;
  /** Epoch ms; orders siblings (the newest is shown unless another was chosen). */
  readonly createdAt: number;
}

export interface UserMessage extends MessageBase {
  readonly role: 'user';
  readonly text: string;
  /** Images and PDFs sent with the text, as base64. */
  readonly attachments?: readonly Attachment[];
}

export interface AssistantMessage extends MessageBase {
  readonly role: 'assistant';
  readonly stream: StreamedMessage;
  /** The `request-id` response header, for support and the usage panel. */
  readonly requestId: string | null;
  /** The model asked for; the stream's header names the model that answered. */
  readonly requestedModel: string;
  /** Set on an answer that continues a cut-off one; shown joined to it. */
  readonly continuationOf?: string;
  /** While it streams from a kept stream: where a reload attaches again (see the proxy's stream hub). */
  readonly resume?: ResumePoint;
  /** A hash of what its cached prompt prefix depends on besides the messages (model, tools, system, thinking): a later change to any of them invalidates that cache. */
  readonly promptKey?: string;
}

export type ToolResultState =
  /** A built-in tool waiting for the user's approval (approval mode "ask"). */
  | 'awaiting_approval'
  /** A user-defined tool: the user types its result. */
  | 'awaiting_input'
  | 'done';

export interface ToolResultEntry {
  readonly toolUseId: string;
  readonly name: string;
  readonly input: unknown;
  readonly state: ToolResultState;
  readonly content: string;
  readonly isError: boolean;
  readonly builtin: boolean;
}

/** The user turn that answers a tool_use stop: one tool_result per call, in order. */
export interface ToolResultsMessage extends MessageBase {
  readonly role: 'tool_results';
  readonly results: readonly ToolResultEntry[];
}

/** A note from the app in the transcript (never sent to the API). */
export interface NoticeMessage extends MessageBase {
  readonly role: 'notice';
  readonly text: string;
}

export type ChatMessage = UserMessage | AssistantMessage | ToolResultsMessage | NoticeMessage;

/** A message before it is placed in the tree (the store fills in parent and time). */
export type MessageDraft<T extends ChatMessage = ChatMessage> = T extends ChatMessage ? Omit<T, 'parentId' | 'createdAt'> : never;

export type MessageMap = Readonly<Record<string, ChatMessage>>;

/** Key of the root in a selection map (messages with no parent). */
export const ROOT_KEY = '';

export interface ConversationMeta {
  readonly id: string;
  /** From the first user message, or set by the user; '' until then. */
  readonly title: string;
  readonly createdAt: number;
  /** Last activity (a message added); the history list is ordered by it. */
  readonly updatedAt: number;
  readonly settings: ConversationSettings;
  /** Parent id (ROOT_KEY for the root) -> the child shown at that fork. Missing: the newest child. */
  readonly selection: Readonly<Record<string, string>>;
}

export type BackendMode = 'simulator' | 'anthropic' | 'unknown';

export interface ModelOption {
  readonly id: string;
  readonly displayName: string;
  readonly capabilities?: ModelCapabilities;
  /** The context window and maximum output the models list reported. */
  readonly limits?: ReportedLimits;
}

/** A request that failed before streaming and will be sent again. */
export interface RetryCountdown {
  readonly messageId: string;
  /** The retry about to be made, from 1. */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** Epoch ms when it will be sent. */
  readonly at: number;
}

/** A response's rate-limit headers, and when they arrived (epoch ms). */
export interface RateLimitHeaders {
  readonly headers: Readonly<Record<string, string>>;
  readonly at: number;
}

/** Why conversations are not being saved; the app keeps working in memory. */
export type StorageProblem =
  | { readonly kind: 'unavailable'; readonly detail: string }
  | { readonly kind: 'full'; readonly detail: string }
  | { readonly kind: 'write_failed'; readonly detail: string };

/** The running turn's controls, owned by the turn that set them. */
export interface TurnControl {
  /** Stops the answer being streamed, a retry countdown, or a wait for tool results; what arrived is kept. */
  readonly stop: () => void;
  /** Cancels a pending automatic retry; the failed answer stays with its error. */
  readonly cancelRetry: () => void;
  /** Lets go of the answer being streamed without stopping it (it streams on at the proxy); stops anything else. */
  readonly detach: () => void;
  /** Settles when the turn is over. */
  readonly done: Promise<void>;
}
