// Deterministic randomness: every choice the simulator makes comes from a
// generator seeded by (options.seed, request content), so the same request and
// seed always produce the same bytes.

/** FNV-1a, 32-bit. Small, fast and stable across runs and platforms. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a tiny PRNG with good enough spread for picking text. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A derived generator, so one feature's draws do not shift another's. */
  fork(label: string): Rng {
    return new Rng(hashString(label, Math.floor(this.next() * 4294967296)));
  }
}

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** An id in the API's style, e.g. msg_01… / toolu_01… (24 base62 chars after "01"). */
export function makeId(prefix: string, rng: Rng): string {
  let out = `${prefix}_01`;
  for (let i = 0; i < 22; i++) out += ID_ALPHABET.charAt(rng.int(0, ID_ALPHABET.length - 1));
  return out;
}

/** Deterministic base64 filler for signatures and opaque blobs. */
export function makeOpaque(rng: Rng, bytes: number): string {
  const buf = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) buf[i] = rng.int(0, 255);
  return buf.toString('base64');
}
