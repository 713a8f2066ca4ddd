/**
 * A table is named by the column whose values are names, each another: not its ranks, not a column
 * of categories its rows repeat ("up, down, up"), and a column of commands in code before the column
 * saying what they do (tester 23-2 F2, F3). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(body: string, lang: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-01-01-table-${lang}.md`, Buffer.from(`---\ntitle: A table\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

describe('the subject column of a ranking', () => {
  it('is its names, not a status the rows repeat, with names of one letter among them', () => {
    const got = points(
      `| Place | Team | Form |
|---|---|---|
| 1 | Arsenal | rising |
| 2 | Liverpool | steady |
| 3 | R | falling |
| 4 | Chelsea | steady |
| 5 | Q | rising |
`,
      'en',
    );
    expect(got[0]).toBe('Team: Arsenal, Liverpool, R, Chelsea, Q');
    expect(got.some((p) => /^Form\b/.test(p))).toBe(false);
  });

  it('in zh, with arrows for the status and names of one letter', () => {
    const got = points(
      `| 名次 | 城市 | 趋势 |
|---|---|---|
| 1 | 上海 | ↑ |
| 2 | X | ↓ |
| 3 | 北京 | ↑ |
| 4 | Y | ↓ |
| 5 | 深圳 | → |
`,
      'zh',
    );
    expect(got[0]).toBe('城市：上海、X、北京、Y、深圳');
  });

  it('in fr, ranks written as ordinals are places, not names', () => {
    const got = points(
      `| Rang | Fromage | Région |
|---|---|---|
| 1er | Comté | Jura |
| 2ème | Roquefort | Occitanie |
| 3ème | Brie | Île-de-France |
| 4ème | Reblochon | Savoie |
`,
      'fr',
    );
    expect(got[0]).toBe('Fromage: Comté, Roquefort, Brie, Reblochon');
  });
});

describe('a table of commands in code', () => {
  it('is named by its commands, not by what they do (de)', () => {
    const got = points(
      `| Befehl | Wirkung |
|---|---|
| \`ls -la\` | zeigt alle Dateien |
| \`cd ..\` | wechselt nach oben |
| \`rm -r\` | löscht einen Ordner |
| \`df -h\` | zeigt freien Platz |
`,
      'de',
    );
    expect(got[0]).toBe('Befehl: ls -la, cd .., rm -r, df -h');
    expect(got.some((p) => p.startsWith('Wirkung'))).toBe(false);
  });
});
