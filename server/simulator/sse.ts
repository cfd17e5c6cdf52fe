// SSE framing exactly as real streams look (PROTOCOL.md §1): `event: <name>`,
// one `data:` line of JSON, a blank line; LF endings; compact JSON except the
// ping payload, which the API sends as `{"type": "ping"}` with a space.
import type { JsonValue } from './json';
import type { Step } from './types';

export function formatEvent(name: string, data: JsonValue): string {
  const json = name === 'ping' ? '{"type": "ping"}' : JSON.stringify(data);
  return `event: ${name}\ndata: ${json}\n\n`;
}

/** The bytes a step puts on the wire ('' for steps that are pure timing or control). */
export function stepBytes(step: Step): string {
  switch (step.kind) {
    case 'event':
      return formatEvent(step.name, step.data);
    case 'raw':
      return step.text;
    case 'first-token':
    case 'stall':
    case 'drop':
      return '';
    default: {
      const never: never = step;
      return never;
    }
  }
}

/** The whole stream as text, as a client reading to the end would see it. */
export function streamText(steps: readonly Step[]): string {
  return steps.map(stepBytes).join('');
}
