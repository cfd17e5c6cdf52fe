// Ways to cut one byte stream into network chunks. Random splits use a fixed
// seed so a failure replays exactly; they land inside multi-byte UTF-8
// characters and between \r and \n.

export interface Chunking {
  readonly name: string;
  split(bytes: Uint8Array): Uint8Array[];
}

export const WHOLE: Chunking = { name: 'whole', split: (bytes) => [bytes] };

export const BYTE_BY_BYTE: Chunking = {
  name: 'byte-by-byte',
  split: (bytes) => Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1)),
};

export function randomSplits(seed: number): Chunking {
  return {
    name: `random(seed=${seed})`,
    split(bytes) {
      const next = mulberry32(seed);
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; ) {
        const size = 1 + Math.floor(next() * 40);
        chunks.push(bytes.subarray(i, i + size));
        i += size;
      }
      return chunks;
    },
  };
}

/** Cuts right after every \r and inside every multi-byte character: the splits that break naive decoders. */
export const HOSTILE: Chunking = {
  name: 'hostile',
  split(bytes) {
    const chunks: Uint8Array[] = [];
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] ?? 0;
      const cutAfter = b === 0x0d || (b >= 0xc0 && b <= 0xf7);
      if (cutAfter) {
        chunks.push(bytes.subarray(start, i + 1));
        start = i + 1;
      }
    }
    if (start < bytes.length) chunks.push(bytes.subarray(start));
    return chunks;
  },
};

export const CHUNKINGS: readonly Chunking[] = [WHOLE, BYTE_BY_BYTE, HOSTILE, randomSplits(1), randomSplits(42)];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
