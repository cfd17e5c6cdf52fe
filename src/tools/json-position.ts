// Locates the first syntax error in JSON text as a line and column. The
// messages of JSON.parse differ between engines (some give a character
// offset, some a line and column, some neither), so after JSON.parse has
// rejected the text this small scanner finds where, consistently.

export interface JsonSyntaxError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

class GiveUp extends Error {}

class Stop extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** The first syntax error in `text`, or null if the scanner finds none. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const scanner = new Scanner(text);
  try {
    scanner.document();
    return null;
  } catch (error) {
    if (error instanceof GiveUp) return null;
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset).split('\n');
    const last = before[before.length - 1] ?? '';
    return { line: before.length, column: last.length + 1, message: error.message };
  }
}

// Sticky (`y`) patterns match at `lastIndex` without slicing the text.
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;
/** Deeper documents are left to the engine's message rather than risking the call stack. */
const MAX_DEPTH = 500;

class Scanner {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.skipSpace();
    this.value();
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('Unexpected text after the end of the JSON value');
  }

  private fail(message: string): never {
    throw new Stop(this.pos, message);
  }

  private failAt(offset: number, message: string): never {
    throw new Stop(offset, message);
  }

  private describeHere(): string {
    const ch = this.text.charAt(this.pos);
    return ch === '' ? 'end of input' : JSON.stringify(ch);
  }

  private match(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.pos;
    return pattern.exec(this.text);
  }

  private skipSpace(): void {
    while (/[ \t\n\r]/.test(this.text.charAt(this.pos))) this.pos++;
  }

  private value(): void {
    const ch = this.text.charAt(this.pos);
    if (ch === '{' || ch === '[') {
      if (++this.depth > MAX_DEPTH) throw new GiveUp();
      if (ch === '{') this.object();
      else this.array();
      this.depth--;
      return;
    }
    if (ch === '"') return this.string();
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.pos)) {
        this.pos += literal.length;
        return;
      }
    }
    const number = this.match(NUMBER);
    if (number !== null) {
      this.pos += number[0].length;
      return;
    }
    this.fail(`Expected a value, found ${this.describeHere()}`);
  }

  private string(): void {
    this.pos++; // opening quote
    this.pos += this.match(STRING_BODY)?.[0].length ?? 0;
    const ch = this.text.charAt(this.pos);
    if (ch === '"') {
      this.pos++;
      return;
    }
    if (ch === '') this.fail('Unterminated string');
    if (ch === '\\') this.fail('Invalid escape sequence in string');
    this.fail('Control character (such as a line break) inside a string; write it as an escape like \\n');
  }

  private object(): void {
    this.pos++;
    this.skipSpace();
    if (this.text.charAt(this.pos) === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      if (this.text.charAt(this.pos) !== '"') this.fail(`Expected a property name in double quotes, found ${this.describeHere()}`);
      this.string();
      this.skipSpace();
      if (this.text.charAt(this.pos) !== ':') this.fail(`Expected ":" after the property name, found ${this.describeHere()}`);
      this.pos++;
      this.skipSpace();
      this.value();
      this.skipSpace();
      const ch = this.text.charAt(this.pos);
      this.pos++;
      if (ch === '}') return;
      if (ch !== ',') {
        this.pos--;
        this.fail(`Expected "," or "}" in the object, found ${this.describeHere()}`);
      }
      const comma = this.pos - 1;
      this.skipSpace();
      if (this.text.charAt(this.pos) === '}') this.failAt(comma, 'Trailing comma before "}"');
    }
  }

  private array(): void {
    this.pos++;
    this.skipSpace();
    if (this.text.charAt(this.pos) === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.value();
      this.skipSpace();
      const ch = this.text.charAt(this.pos);
      this.pos++;
      if (ch === ']') return;
      if (ch !== ',') {
        this.pos--;
        this.fail(`Expected "," or "]" in the array, found ${this.describeHere()}`);
      }
      const comma = this.pos - 1;
      this.skipSpace();
      if (this.text.charAt(this.pos) === ']') this.failAt(comma, 'Trailing comma before "]"');
    }
  }
}
