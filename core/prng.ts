// The only randomness in a run: a seeded generator (sfc32), split per component so that adding a
// component, or a component drawing more, never shifts another component's draws.

/** 32-bit FNV-1a, used to turn a component name into seed material. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** splitmix32: spreads one seed over the generator's four words. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = '') {
    const mix = splitmix32((seed >>> 0) ^ hashString(stream));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A generator for one component, derived from the run's seed and the component's name. */
  static forComponent(seed: number, component: string): Rng {
    return new Rng(seed, component);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 2 ** 32;
  }

  /** An integer in [0, bound). */
  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }
}

/** Upstream's alphabet for generated name suffixes (no vowels, no confusable digits). */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** The five characters apiserver appends to a generateName, as utilrand.String(5) draws them. */
export function nameSuffix(rng: Rng, length = 5): string {
  let suffix = '';
  for (let i = 0; i < length; i++) suffix += NAME_ALPHABET[rng.int(NAME_ALPHABET.length)];
  return suffix;
}

/** A version-4 UUID drawn from the generator. */
export function uuid(rng: Rng): string {
  const hex = (words: number) => {
    let text = '';
    for (let i = 0; i < words; i++) text += rng.nextUint32().toString(16).padStart(8, '0');
    return text;
  };
  const raw = hex(4);
  const variant = ((Number.parseInt(raw[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${raw.slice(0, 8)}-${raw.slice(8, 12)}-4${raw.slice(13, 16)}-${variant}${raw.slice(17, 20)}-${raw.slice(20, 32)}`;
}
