import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { scanNotesSync } from '../../src/notes/scan.js';
import { plainYamlMap } from '../../src/notes/plain-yaml.js';
import { CORPUS_NOTES, requireCorpus } from '../helpers/corpus.js';

/** What the note reader's parser makes of `source` (read.ts, parseFrontMatterYaml), or the error it throws. */
function byParser(source: string): unknown {
  try {
    return parseYaml(source, { schema: 'core', maxAliasCount: 100, uniqueKeys: true }) ?? {};
  } catch (e) {
    return { threw: (e as Error).name };
  }
}

/** Pieces that mean something to YAML, beside ordinary text, so values hit every refusal. */
const pieces = ['-', '?', ':', ': ', ' #', '#', ',', '[', ']', '{', '}', '&a', '*a', '!!str ', '|', '>', "'", "''", '"', '\\', '%', '@', '`', ' ', '\t', 'true', 'False', 'null', '~', '0x1f', '0o7', '12', '-3', '1.5', '.5', '1e3', '.inf', '.NaN', 'http://x.y/z', '日本語', '\u3000', '\u00a0', '\u0085', '\ufeff', '__proto__'];
const fragment = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 5 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 6 }).map((p) => p.join(''));
// Mostly keys the reader takes, so that whole sources (not only their first odd line) reach the values.
const key = fc.oneof({ arbitrary: fc.constantFrom('title', 'lang', 'draft', 'tags', 'a-b', '_x', 'title'), weight: 8 }, { arbitrary: fc.constantFrom('true', 'null', '__proto__', '2fa', 'my key'), weight: 1 }, { arbitrary: fragment, weight: 1 });
const value = fc.oneof(
  fragment,
  fc.constantFrom(...pieces),
  fragment.map((v) => `'${v.replace(/'/g, "''")}'`),
  fragment.map((v) => `'${v}'`),
  fragment.map((v) => `"${v}"`),
);
const line = fc.oneof(
  fc.tuple(key, fc.constantFrom(':', ': ', ':  ', ':\t'), value, fc.constantFrom('', ' ', '  ', ' # note')).map(([k, sep, v, end]) => `${k}${sep}${v}${end}`),
  fc.constantFrom('', '   ', '# a comment', '  - item', '  nested: map', '---', '...'),
);
const source = fc.array(line, { maxLength: 5 }).map((ls) => ls.join('\n'));

describe('front matter read without the YAML parser', () => {
  it('reads exactly what the parser reads, or leaves the source to it', () => {
    let read = 0;
    fc.assert(
      fc.property(source, (src) => {
        const fast = plainYamlMap(src);
        if (fast === undefined) return;
        read++;
        expect(fast).toEqual(byParser(src));
      }),
      { numRuns: 3000 },
    );
    // The property says something only if the reader took a fair share of the sources itself.
    expect(read).toBeGreaterThan(300);
  });

  it('reads the usual front matter itself: strings, quoted strings and booleans', () => {
    const src = "title: 'It''s a note: really'\nlang: en\ndraft: false\ntranslated: True\nurl: https://example.com/a#b\nquote: \"say 'hi'\"\n\n# kept out\nlayout: post  ";
    expect(plainYamlMap(src)).toEqual({ title: "It's a note: really", lang: 'en', draft: false, translated: true, url: 'https://example.com/a#b', quote: "say 'hi'", layout: 'post' });
    // Left to the parser: a list, a number, null, an escape, a comment after a value, a key twice.
    for (const other of ['tags: [a, b]', 'tags:\n  - a', 'n: 12', 'x: ~', 'x:', 'x: "a\\tb"', 'x: a # c', 'x: a\nx: b', 'x: &a y', 'x: a: b']) {
      expect(plainYamlMap(other), other).toBeUndefined();
    }
  });

  it("reads every corpus note's front matter as the parser does, nearly all of them itself", () => {
    requireCorpus();
    const files = scanNotesSync(CORPUS_NOTES);
    let fast = 0;
    for (const file of files) {
      const m = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'));
      if (!m) continue;
      const got = plainYamlMap(m[1]!);
      if (got === undefined) continue;
      fast++;
      expect(got, path.relative(CORPUS_NOTES, file)).toEqual(byParser(m[1]!));
    }
    expect(fast).toBeGreaterThan(files.length * 0.9);
  });
});
