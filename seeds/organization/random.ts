/**
 * A small seeded pseudo-random generator (mulberry32) with the helpers the organization
 * generator needs. It uses only 32-bit integer arithmetic and plain division, so the same
 * seed yields the same sequence on every machine and Node version; Math.random is never used.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`empty range ${min}..${max}`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** An index into `weights`, each index drawn in proportion to its (non-negative) weight. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const weight of weights) total += weight;
    if (!(total > 0)) throw new RangeError('weights must have a positive sum');
    let threshold = this.next() * total;
    for (let index = 0; index < weights.length; index += 1) {
      threshold -= weights[index];
      if (threshold < 0) return index;
    }
    // Rounding can leave a sliver past the last weight; it belongs to the last positive one.
    for (let index = weights.length - 1; index >= 0; index -= 1) {
      if (weights[index] > 0) return index;
    }
    return weights.length - 1;
  }

  weightedPick<T>(items: readonly T[], weights: readonly number[]): T {
    if (items.length !== weights.length) throw new RangeError('one weight per item expected');
    return items[this.weightedIndex(weights)];
  }

  /** Shuffles `items` in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let index = items.length - 1; index > 0; index -= 1) {
      const other = Math.floor(this.next() * (index + 1));
      const held = items[index];
      items[index] = items[other];
      items[other] = held;
    }
    return items;
  }
}
