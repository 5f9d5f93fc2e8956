/**
 * Deterministic randomness for the demo seed: the same seed always yields the same data, so a demo,
 * a screenshot or a test fixture never changes between runs. Math.random is never used.
 */

/** mulberry32: a tiny 32-bit PRNG with good enough distribution for fake data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** uniform in [min, max) */
  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** uniform integer in [min, max] */
  int(min: number, max: number): number {
    return Math.floor(this.float(min, max + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("Rng.pick: empty list");
    return item;
  }

  hex(length: number): string {
    let out = "";
    for (let i = 0; i < length; i += 1) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }
}

/**
 * Seeded ids shaped like Prisma's cuid() ("c" + 24 base-36 chars). Generating ids client-side lets
 * every table go in with one createMany (no round trip to learn ids), and keeps ids — and the
 * sign-off hashes that include them — identical between runs.
 */
export function idFactory(seed: number): () => string {
  const next = mulberry32(seed);
  return () => {
    let id = "c";
    for (let i = 0; i < 24; i += 1) id += Math.floor(next() * 36).toString(36);
    return id;
  };
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
