/**
 * A table of figures between the writer's lead-in and conclusion: the conclusion is the point, and a
 * row only giving a figure for a name the table's point already gave is none. Each figure was a term
 * no other point named, so the rows outranked the conclusion (tester 23-2 F17). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(body: string, lang: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-figures-${lang}.md`, Buffer.from(`---\ntitle: Figures\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

describe('a table of figures with a conclusion under it', () => {
  it('keeps the conclusion, and no row repeats a named subject with its figure (es)', () => {
    const got = points(
      `Medí el tiempo de arranque de cinco editores en mi portátil.

| Editor | Segundos |
|---|---|
| Emacs | 3,1 |
| VS Code | 2,4 |
| IntelliJ | 6,8 |
| Neovim | 0,2 |
| Helix | 0,1 |

Los editores de terminal arrancan diez veces antes, aunque traen menos funciones de serie.
`,
      'es',
    );
    expect(got).toContain('Los editores de terminal arrancan diez veces antes, aunque traen menos funciones de serie.');
    expect(got.filter((p) => /^(?:Emacs|VS Code|IntelliJ|Neovim|Helix):/.test(p))).toEqual([]);
  });

  it('a note that is its table still gives its rows (en)', () => {
    const got = points(
      `| City | Rainfall |
|---|---|
| Bergen | 2250 mm |
| Mumbai | 2200 mm |
| Cairo | 25 mm |
| Lima | 15 mm |
`,
      'en',
    );
    expect(got.some((p) => p.startsWith('Bergen: 2250'))).toBe(true);
  });
});
