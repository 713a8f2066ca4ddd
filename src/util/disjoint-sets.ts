/**
 * Sets of keys joined pairwise (a union-find): which keys ended up in one set, whatever the order of
 * the joins. `late-notes.ts` groups a chunk's slow notes by family stem, then widens the groups by
 * content ties; both are this. Pure: the structure only remembers what it was told.
 */
export class DisjointSets<K> {
  private readonly parent = new Map<K, K>();

  /** Adds `k` as a set of its own (nothing when it is already in one). */
  add(k: K): void {
    if (!this.parent.has(k)) this.parent.set(k, k);
  }

  has(k: K): boolean {
    return this.parent.has(k);
  }

  /** The key that stands for `k`'s set (added first when unknown). */
  root(k: K): K {
    this.add(k);
    let r = k;
    for (let up = this.parent.get(r)!; up !== r; up = this.parent.get(r)!) r = up;
    // Path compression: every key walked now points at the root.
    for (let at = k; at !== r; ) {
      const up = this.parent.get(at)!;
      this.parent.set(at, r);
      at = up;
    }
    return r;
  }

  /** Puts `a`'s and `b`'s sets together; `a`'s root stands for the union. */
  join(a: K, b: K): void {
    const ra = this.root(a);
    const rb = this.root(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}
