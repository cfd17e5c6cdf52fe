// Token counting used everywhere in the simulator (output usage, input usage,
// count_tokens, pacing).
//
// Method: a "token" is one match of PIECE below: optional leading whitespace,
// then either a run of up to 4 letters/digits from one word, or one single
// other character (punctuation, symbol, emoji). Whitespace at the very end of a
// text is one more token. So "Hello, world!" is "Hell" "o" "," " worl" "d" "!"
// = 6 tokens. This is close to the ~4 characters per token of real tokenizers
// and, unlike them, is exact and reproducible: the output_tokens the simulator
// reports is always the count of the pieces it streamed.

const PIECE = /\s*(?:[\p{L}\p{N}]{1,4}|[^\s\p{L}\p{N}])|\s+/gu;

/** Splits text into tokens; joining the result gives back the text exactly. */
export function tokenize(text: string): string[] {
  return text.match(PIECE) ?? [];
}

export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  PIECE.lastIndex = 0;
  while (PIECE.exec(text) !== null) n++;
  return n;
}
