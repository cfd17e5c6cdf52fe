// Builds the non-streaming response from the same steps the stream would
// send, applying events exactly as the SDK's MessageStream does, so
// `stream: false` and `stream: true` always agree.
import { getObject, isObject, parseJson, type JsonObject, type JsonValue } from './json';
import type { Step } from './types';

export type NonStreaming =
  | { kind: 'message'; message: JsonObject; stallMs: number; tokens: number }
  /** The stream would have carried an error event: answer with that HTTP error instead. */
  | { kind: 'error'; errorType: string; message: string; stallMs: number; tokens: number }
  | { kind: 'drop'; stallMs: number; tokens: number }
  | { kind: 'malformed'; partialBody: string; stallMs: number; tokens: number };

function clone(value: JsonValue): JsonValue {
  return parseJson(JSON.stringify(value)) ?? null;
}

export function accumulate(steps: readonly Step[]): NonStreaming {
  let message: JsonObject | null = null;
  const content: JsonObject[] = [];
  const toolJson = new Map<number, string>();
  let stallMs = 0;
  let tokens = 0;
  let malformed = false;

  for (const step of steps) {
    switch (step.kind) {
      case 'first-token':
        break;
      case 'stall':
        stallMs += step.ms;
        break;
      case 'drop':
        return { kind: 'drop', stallMs, tokens };
      case 'raw':
        malformed = true;
        break;
      case 'event': {
        tokens += step.tokens;
        const data = step.data;
        if (!isObject(data)) break;
        if (step.name === 'error') {
          const err = getObject(data, 'error') ?? {};
          return { kind: 'error', errorType: String(err['type'] ?? 'api_error'), message: String(err['message'] ?? 'Error'), stallMs, tokens };
        }
        if (step.name === 'message_start') {
          const m = getObject(data, 'message');
          if (m) {
            const c = clone(m);
            message = isObject(c) ? c : null;
          }
        } else if (step.name === 'content_block_start') {
          const block = clone(data['content_block'] ?? null);
          if (isObject(block)) content.push(block);
        } else if (step.name === 'content_block_delta') {
          applyDelta(content, toolJson, data);
        } else if (step.name === 'content_block_stop') {
          const index = Number(data['index']);
          const json = toolJson.get(index);
          const block = content[index];
          if (json !== undefined && block) block['input'] = json === '' ? {} : parseJson(json) ?? {};
        } else if (step.name === 'message_delta' && message) {
          const delta = getObject(data, 'delta') ?? {};
          const usage = getObject(data, 'usage') ?? {};
          message['stop_reason'] = delta['stop_reason'] ?? null;
          message['stop_sequence'] = delta['stop_sequence'] ?? null;
          message['stop_details'] = delta['stop_details'] ?? null;
          const target = getObject(message, 'usage');
          // Same rule as the SDK: overwrite each present, non-null usage field.
          if (target) for (const [k, v] of Object.entries(usage)) if (v !== null) target[k] = v;
        }
        break;
      }
      default: {
        const never: never = step;
        return never;
      }
    }
  }
  if (message === null) return { kind: 'drop', stallMs, tokens };
  message['content'] = content;
  if (malformed) {
    // Cut the body mid-way: the client sees invalid JSON, as with the stream's bad line.
    const text = JSON.stringify(message);
    return { kind: 'malformed', partialBody: text.slice(0, Math.floor(text.length / 2)), stallMs, tokens };
  }
  return { kind: 'message', message, stallMs, tokens };
}

function applyDelta(content: JsonObject[], toolJson: Map<number, string>, data: JsonObject): void {
  const index = Number(data['index']);
  const block = content[index];
  const delta = getObject(data, 'delta');
  if (!block || !delta) return;
  switch (delta['type']) {
    case 'text_delta':
      block['text'] = String(block['text'] ?? '') + String(delta['text'] ?? '');
      break;
    case 'thinking_delta':
      block['thinking'] = String(block['thinking'] ?? '') + String(delta['thinking'] ?? '');
      break;
    case 'signature_delta':
      block['signature'] = delta['signature'] ?? '';
      break;
    case 'input_json_delta':
      toolJson.set(index, (toolJson.get(index) ?? '') + String(delta['partial_json'] ?? ''));
      break;
    case 'citations_delta': {
      const existing = block['citations'];
      const list = Array.isArray(existing) ? existing : [];
      block['citations'] = [...list, delta['citation'] ?? null];
      break;
    }
    default:
      // Unknown delta types are ignored, as the SDK does.
      break;
  }
}
