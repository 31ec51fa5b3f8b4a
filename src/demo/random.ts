/**
 * The demo's own seeded randomness: sfc32 (Chris Doty-Humphrey's "small fast counter", as in PractRand), seeded
 * through splitmix32 so that nearby seeds give unrelated streams. Nothing in the demo calls Math.random or the
 * clock, so the same seed, size and date give the same council.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    let state = typeof seed === 'number' ? seed >>> 0 : hashText(seed);
    const next = () => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let index = 0; index < 12; index++) this.uint32();
  }

  /** A stream of its own for one part of the council, so that changing one part leaves the others alone. */
  fork(label: string): Random {
    return new Random((this.uint32() ^ hashText(label)) >>> 0);
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A whole number from `low` to `high`, both included. */
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of the items, each as likely as its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    let left = this.next() * total;
    for (const [item, weight] of items) {
      left -= weight;
      if (left < 0) return item;
    }
    return items.at(-1)![0];
  }

  /** An exponentially distributed number with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** A Poisson-distributed count with the given mean (Knuth's method for small means, normal otherwise). */
  poisson(mean: number): number {
    if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let count = 0;
    for (let product = this.next(); product > limit; product *= this.next()) count++;
    return count;
  }

  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }

  /**
   * A UUID version 7 (RFC 9562) whose time is `milliseconds` and whose other bits come from this stream, so ids
   * stay time-ordered as Hearth's are (DESIGN.md, Identifiers) and the same on every run.
   */
  uuid(milliseconds: number): string {
    const time = Math.max(0, Math.floor(milliseconds)).toString(16).padStart(12, '0').slice(-12);
    const r1 = this.uint32();
    const r2 = this.uint32();
    const r3 = this.uint32();
    return (
      `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex[(r1 >>> 8) & 0xf]![1]}${hex[r1 & 0xff]}-` +
      `${hex[0x80 | ((r1 >>> 30) << 4) | ((r1 >>> 12) & 0xf)]}${hex[(r1 >>> 16) & 0xff]}-` +
      `${hex[r2 >>> 24]}${hex[(r2 >>> 16) & 0xff]}${hex[(r2 >>> 8) & 0xff]}${hex[r2 & 0xff]}` +
      `${hex[(r3 >>> 8) & 0xff]}${hex[r3 & 0xff]}`
    );
  }
}

/** Two hexadecimal digits for each byte; for the one-digit nibbles of a UUID, the byte's last digit. */
const hex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** FNV-1a: a label or textual seed as 32 bits. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
