/**
 * A character classifier told once per character: tokenisers that test each character of a note
 * against Unicode property regular expressions (`\p{L}`, `\p{Script=Han}`) paid that test for every
 * character of every note (issue 31: a cold start's lookup words and body sketches). The class of a
 * BMP character is kept in a table filled as characters are first seen, so the answer is the
 * regular expression's, asked once; an astral character (rare) asks it each time. Pure: the table
 * only remembers what `classify` said.
 */

/** Class of the code point at `i` of `text` (a lone surrogate is classified alone), and its width in UTF-16 units (1 or 2). */
export type ClassAt = (text: string, i: number) => number;

/** Width in UTF-16 units of the code point at `i`: 2 for a surrogate pair, else 1. */
export function widthAt(text: string, i: number): 1 | 2 {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdbff) return 1;
  const next = text.charCodeAt(i + 1); // NaN past the end
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/**
 * `classify` (0-254, of one code point's string) remembered per BMP character. One table per
 * classifier, made when first used, 64 KiB.
 */
export function memoisedClass(classify: (ch: string) => number): ClassAt {
  let table: Uint8Array | undefined; // 0: not asked yet; else class + 1
  return (text, i) => {
    const unit = text.charCodeAt(i);
    if (widthAt(text, i) === 2) return classify(text.slice(i, i + 2));
    table ??= new Uint8Array(0x10000);
    const known = table[unit]!;
    if (known) return known - 1;
    const c = classify(text[i]!);
    table[unit] = c + 1;
    return c;
  };
}
