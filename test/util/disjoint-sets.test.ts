import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DisjointSets } from '../../src/util/disjoint-sets.js';

/** The sets a list of joins over keys 0..n-1 makes, found the slow way: merge arrays until nothing changes. */
function naiveSets(n: number, joins: [number, number][]): number[][] {
  let sets = Array.from({ length: n }, (_, i) => [i]);
  for (const [a, b] of joins) {
    const sa = sets.find((s) => s.includes(a))!;
    const sb = sets.find((s) => s.includes(b))!;
    if (sa !== sb) sets = [...sets.filter((s) => s !== sa && s !== sb), [...sa, ...sb]];
  }
  return sets.map((s) => [...s].sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

describe('DisjointSets', () => {
  it('puts keys in one set exactly when a chain of joins links them, whatever the order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 20 }))),
        ([n, joins]) => {
          const sets = new DisjointSets<number>();
          for (let i = 0; i < n; i++) sets.add(i);
          for (const [a, b] of joins) sets.join(a, b);
          const byRoot = new Map<number, number[]>();
          for (let i = 0; i < n; i++) byRoot.set(sets.root(i), [...(byRoot.get(sets.root(i)) ?? []), i]);
          const found = [...byRoot.values()].sort((x, y) => x[0]! - y[0]!);
          expect(found).toEqual(naiveSets(n, joins));
        },
      ),
    );
  });

  it('knows only the keys it was given, and the first key of a join stands for the union', () => {
    const sets = new DisjointSets<string>();
    sets.add('setup');
    expect(sets.has('setup')).toBe(true);
    expect(sets.has('intro')).toBe(false);
    sets.join('setup', 'intro');
    expect(sets.has('intro')).toBe(true);
    expect(sets.root('intro')).toBe('setup');
  });
});
