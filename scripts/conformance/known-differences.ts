// Where the official SDK differs from the API's documented behaviour, or from
// this app by design. Each entry names the field and the reason; nothing is
// skipped silently: the runner prints every entry it applies.
import type { Outcome } from './paths';

export interface KnownDifference {
  readonly field: string;
  readonly reason: string;
}

/** Fields the SDK adds to its final message that are not part of the wire message. */
export function withoutSdkOnlyFields(message: unknown, notes: Set<string>): unknown {
  if (message === null || typeof message !== 'object' || !('parsed_output' in message)) return message;
  notes.add('parsed_output: added by the SDK for structured outputs; not part of the API message');
  const { parsed_output: _ignored, ...rest } = message as Record<string, unknown>;
  return rest;
}

/** An SDK failure that the API's published streams show to be an SDK bug. */
export function explainSdkFailure(sdk: Outcome, ours: Outcome): KnownDifference | null {
  if (sdk.ending.includes("reading 'output_tokens'") && ours.ending === 'complete') {
    return {
      field: 'message_delta.usage',
      reason: 'the docs transcript omits usage on message_delta; the SDK throws reading usage.output_tokens, the app keeps the message_start usage',
    };
  }
  return null;
}

/** A difference inside tool input that max_tokens cut off: both keep the raw JSON; the best-effort value differs. */
export function explainDifference(path: string, ours: Outcome): KnownDifference | null {
  if (ours.ending === 'malformed') {
    return {
      field: path,
      reason: 'after an unreadable data: line the SDK throws and stops; the app reports it, skips the line and keeps what follows',
    };
  }
  const match = /^\$\.content\.(\d+)\.input\b/.exec(path);
  if (match !== null && ours.truncatedToolInputs?.includes(Number(match[1]))) {
    return {
      field: `content[${match[1]}].input`,
      reason: 'tool input cut off by max_tokens: the app keeps the incomplete last value it received, the SDK partial parser drops it',
    };
  }
  return null;
}
