/**
 * A formula without a backslash (`n!`, `x^2 + y_1`, most of the blog's inline math) is read without the passes that
 * read TeX commands (issue 31: TeX reading was a quarter of a parse thread's `bodyText`, its command passes run on
 * formulas that have none; issue 23's speed). The reading stays what every pass gives: a TeX thin space (`\,`),
 * which reads as a space and is trimmed at the end, sends the same formula through all of them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { texReadings, texToText } from '../../src/summary/tex.js';

/** Characters the passes that run without commands act on, and a few they leave. */
const piece = fc.constantFrom('x', 'y', 'k', 'B', 'T', 'C', 'n', '0', '1', '2', '23', '_', '^', '{', '}', '(', ')', '+', '-', '=', '!', ' ', '  ', '°', 'ᵀ', ',', '/', '|', '&', 'mod', 'ij', 'max', '\u0001', '\u0002', '\u0003', '![', 'ω');
const formula = fc.array(piece, { maxLength: 24 }).map((p) => p.join(''));

/** How many `replace` calls with a regular expression `read` makes. */
function replacesIn(read: () => unknown): number {
  const original = RegExp.prototype[Symbol.replace];
  const call = original as (this: RegExp, ...args: unknown[]) => string;
  let calls = 0;
  RegExp.prototype[Symbol.replace] = function (this: RegExp, ...args: unknown[]) {
    calls++;
    return call.apply(this, args);
  } as typeof original;
  try {
    read();
  } finally {
    RegExp.prototype[Symbol.replace] = original;
  }
  return calls;
}

describe('a formula without a TeX command', () => {
  it('reads as it does with every pass run', () => {
    fc.assert(
      fc.property(formula, (f) => {
        expect(texToText(f)).toEqual(texToText(`${f} \\,`));
        expect(texReadings(f)).toEqual(texReadings(`${f} \\,`));
      }),
      { numRuns: 3000 },
    );
    expect(texToText('x^2 + y_{10}')).toEqual({ text: 'x² + y₁₀', readable: true });
    expect(texToText('k_BT, 25° C')).toEqual({ text: 'k_B T, 25°C', readable: true });
  });

  it('is read without the passes that read commands', () => {
    for (const f of ['n!', 'x^2 + y_1', 'a_{ij} = b^{k}']) {
      const bare = replacesIn(() => texToText(f));
      const withCommand = replacesIn(() => texToText(`${f} \\,`));
      // Main ran every pass on both (about 30 each); without a command, half of them or fewer.
      expect(bare, f).toBeLessThanOrEqual(withCommand / 2);
    }
  });
});
