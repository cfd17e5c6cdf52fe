// Incremental, best-effort JSON for tool input that streams in as arbitrary
// slices (`input_json_delta`). Most clients re-parse the whole accumulated
// string on every delta, which is quadratic in the input size; this parser
// consumes each character once and updates one value tree in place, so a
// delta costs O(delta length).
//
// The tree it exposes is mutated in place: containers appear as soon as they
// open, strings and numbers grow while they stream, keys appear once their
// name is complete. Callers that need change detection watch the raw length.

import { assertNever } from './errors';

type Container =
  | { readonly kind: 'object'; readonly value: Record<string, unknown>; key: string; state: ObjectState }
  | { readonly kind: 'array'; readonly value: unknown[]; state: ArrayState };

type ObjectState = 'key_or_end' | 'key' | 'colon' | 'value' | 'comma_or_end';
type ArrayState = 'value_or_end' | 'value' | 'comma_or_end';

type Scalar =
  | { readonly kind: 'string'; readonly isKey: boolean; text: string; escape: string | null }
  | { readonly kind: 'number'; text: string }
  | { readonly kind: 'literal'; text: string };

const LITERALS: Readonly<Record<string, true | false | null>> = { true: true, false: false, null: null };
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER_CHAR = /[0-9+\-.eE]/;
const WHITESPACE = /[ \t\n\r]/;

export class PartialJsonParser {
  private readonly stack: Container[] = [];
  private scalar: Scalar | null = null;
  private root: unknown = undefined;
  private rootDone = false;
  private failure: string | null = null;
  /** Whether the slot being filled by the current scalar was already created. */
  private slotPlaced = false;

  /** The best-effort value of everything pushed so far (undefined before a value starts). */
  get value(): unknown {
    return this.root;
  }

  /** The first syntax error met, after which input is ignored. */
  get error(): string | null {
    return this.failure;
  }

  push(chunk: string): void {
    let i = 0;
    while (i < chunk.length && this.failure === null) {
      const scalar = this.scalar;
      if (scalar?.kind === 'string') {
        i = this.readString(scalar, chunk, i);
      } else if (scalar !== null) {
        const ch = chunk.charAt(i);
        if ((scalar.kind === 'number' && NUMBER_CHAR.test(ch)) || (scalar.kind === 'literal' && /[a-z]/.test(ch))) {
          scalar.text += ch;
          this.updateScalar(scalar);
          i++;
        } else {
          this.finishScalar(scalar);
        }
      } else {
        this.readStructural(chunk.charAt(i));
        i++;
      }
    }
  }

  private readString(scalar: Extract<Scalar, { kind: 'string' }>, chunk: string, start: number): number {
    let i = start;
    let piece = '';
    while (i < chunk.length) {
      if (scalar.escape !== null) {
        scalar.escape += chunk.charAt(i);
        i++;
        const decoded = decodeEscape(scalar.escape);
        if (decoded === undefined) continue;
        if (decoded === null) return this.fail(`invalid escape \\${scalar.escape}`);
        piece += decoded;
        scalar.escape = null;
        continue;
      }
      const quote = chunk.indexOf('"', i);
      const backslash = chunk.indexOf('\\', i);
      const stop = firstOf(quote, backslash);
      if (stop === -1) {
        piece += chunk.slice(i);
        i = chunk.length;
        break;
      }
      piece += chunk.slice(i, stop);
      if (stop === backslash) {
        scalar.escape = '';
        i = stop + 1;
        continue;
      }
      scalar.text += piece;
      this.scalar = null;
      this.completeString(scalar);
      return stop + 1;
    }
    scalar.text += piece;
    if (!scalar.isKey && piece !== '') this.placeValue(scalar.text);
    return i;
  }

  private completeString(scalar: Extract<Scalar, { kind: 'string' }>): void {
    const top = this.stack.at(-1);
    if (scalar.isKey) {
      if (top?.kind === 'object') {
        top.key = scalar.text;
        top.state = 'colon';
      }
      return;
    }
    this.placeValue(scalar.text);
    this.valueDone();
  }

  private updateScalar(scalar: Exclude<Scalar, { kind: 'string' }>): void {
    if (scalar.kind === 'number') {
      const n = Number(scalar.text);
      if (scalar.text !== '-' && Number.isFinite(n)) this.placeValue(n);
      return;
    }
    const literal = LITERALS[scalar.text];
    const isPrefix = ['true', 'false', 'null'].some((word) => word.startsWith(scalar.text));
    if (!isPrefix) this.fail(`unexpected literal "${scalar.text}"`);
    else if (literal !== undefined) this.placeValue(literal);
  }

  private finishScalar(scalar: Exclude<Scalar, { kind: 'string' }>): void {
    this.scalar = null;
    if (scalar.kind === 'number' && !Number.isFinite(Number(scalar.text))) {
      this.fail(`invalid number "${scalar.text}"`);
      return;
    }
    if (scalar.kind === 'literal' && LITERALS[scalar.text] === undefined) {
      this.fail(`unexpected literal "${scalar.text}"`);
      return;
    }
    this.valueDone();
  }

  private readStructural(ch: string): void {
    if (WHITESPACE.test(ch)) return;
    const top = this.stack.at(-1);
    if (top === undefined) {
      if (this.rootDone) this.fail(`unexpected "${ch}" after the value`);
      else this.startValue(ch);
      return;
    }
    if (top.kind === 'object') {
      this.readInObject(top, ch);
    } else {
      this.readInArray(top, ch);
    }
  }

  private readInObject(top: Extract<Container, { kind: 'object' }>, ch: string): void {
    switch (top.state) {
      case 'key_or_end':
      case 'key':
        if (ch === '}' && top.state === 'key_or_end') this.closeContainer();
        else if (ch === '"') this.scalar = { kind: 'string', isKey: true, text: '', escape: null };
        else this.fail(`expected a key, got "${ch}"`);
        return;
      case 'colon':
        if (ch === ':') top.state = 'value';
        else this.fail(`expected ":", got "${ch}"`);
        return;
      case 'value':
        this.startValue(ch);
        return;
      case 'comma_or_end':
        if (ch === ',') top.state = 'key';
        else if (ch === '}') this.closeContainer();
        else this.fail(`expected "," or "}", got "${ch}"`);
        return;
      default:
        assertNever(top.state);
    }
  }

  private readInArray(top: Extract<Container, { kind: 'array' }>, ch: string): void {
    switch (top.state) {
      case 'value_or_end':
        if (ch === ']') this.closeContainer();
        else this.startValue(ch);
        return;
      case 'value':
        this.startValue(ch);
        return;
      case 'comma_or_end':
        if (ch === ',') top.state = 'value';
        else if (ch === ']') this.closeContainer();
        else this.fail(`expected "," or "]", got "${ch}"`);
        return;
      default:
        assertNever(top.state);
    }
  }

  private startValue(ch: string): void {
    this.slotPlaced = false;
    if (ch === '{') {
      const value: Record<string, unknown> = {};
      this.placeValue(value);
      this.stack.push({ kind: 'object', value, key: '', state: 'key_or_end' });
    } else if (ch === '[') {
      const value: unknown[] = [];
      this.placeValue(value);
      this.stack.push({ kind: 'array', value, state: 'value_or_end' });
    } else if (ch === '"') {
      this.scalar = { kind: 'string', isKey: false, text: '', escape: null };
      this.placeValue('');
    } else if (/[-0-9]/.test(ch)) {
      const scalar: Scalar = { kind: 'number', text: ch };
      this.scalar = scalar;
      this.updateScalar(scalar);
    } else if (/[tfn]/.test(ch)) {
      const scalar: Scalar = { kind: 'literal', text: ch };
      this.scalar = scalar;
      this.updateScalar(scalar);
    } else {
      this.fail(`unexpected "${ch}"`);
    }
  }

  /** Writes the value being read into its slot: the root, an object key or the array's next element. */
  private placeValue(value: unknown): void {
    const top = this.stack.at(-1);
    if (top === undefined) {
      this.root = value;
    } else if (top.kind === 'object') {
      top.value[top.key] = value;
    } else if (this.slotPlaced) {
      top.value[top.value.length - 1] = value;
    } else {
      top.value.push(value);
    }
    this.slotPlaced = true;
  }

  private closeContainer(): void {
    this.stack.pop();
    this.valueDone();
  }

  /** A value just completed: its parent now expects a separator or its end. */
  private valueDone(): void {
    this.slotPlaced = false;
    const top = this.stack.at(-1);
    if (top === undefined) this.rootDone = true;
    else top.state = 'comma_or_end';
  }

  private fail(reason: string): number {
    this.failure = reason;
    return Number.MAX_SAFE_INTEGER;
  }
}

/** Decodes an escape body (after the backslash); undefined while incomplete, null when invalid. */
function decodeEscape(body: string): string | null | undefined {
  const first = body.charAt(0);
  if (first !== 'u') return ESCAPES[first] ?? null;
  if (body.length < 5) return /^u[0-9a-fA-F]*$/.test(body) ? undefined : null;
  return /^u[0-9a-fA-F]{4}$/.test(body) ? String.fromCharCode(parseInt(body.slice(1), 16)) : null;
}

function firstOf(a: number, b: number): number {
  if (a === -1) return b;
  if (b === -1) return a;
  return Math.min(a, b);
}
