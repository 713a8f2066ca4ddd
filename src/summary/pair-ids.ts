/** An int32-keyed table for CJK terms' ids (salience.ts TermIndex). Pure. */

/** CJK terms' ids by their keys (pairKey): an open-addressed table of int32s, so no key is boxed. */
export class PairIds {
  private keys = new Int32Array(64);
  private ids = new Int32Array(64);
  private count = 0;

  /** The id of a key, or -1. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let slot = PairIds.hash(key) & mask; ; slot = (slot + 1) & mask) {
      const k = this.keys[slot]!;
      if (k === key) return this.ids[slot]!;
      if (k === 0) return -1;
    }
  }

  /** Adds a key not in the table. */
  set(key: number, id: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = PairIds.hash(key) & mask;
    while (this.keys[slot] !== 0) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.ids[slot] = id;
    this.count++;
  }

  private grow(): void {
    const { keys, ids } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.ids = new Int32Array(keys.length * 2);
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i]!, ids[i]!);
  }

  /** Fibonacci hashing: a key's bits spread over the slot bits. */
  private static hash(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> 16;
  }
}
