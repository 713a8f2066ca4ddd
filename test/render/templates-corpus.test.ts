/**
 * The default templates reproduce the fixed renderers' messages exactly, for every note of the
 * corpus (with and without other languages), and so do the example files under config/templates/.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readNoteFile } from '../../src/notes/read.js';
import { renderDiscordMessage } from '../../src/render/discord.js';
import { renderTelegramMessage } from '../../src/render/telegram.js';
import { Templates } from '../../src/render/templates/compile.js';
import { payloadsFor } from '../../src/render/templates/payloads.js';
import type { AlsoIn } from '../../src/store/types.js';
import { buildSummary, type Summary } from '../../src/summary/build.js';
import { CORPUS_NOTES, corpusReadOptions, manifest, REPO_ROOT } from '../helpers/corpus.js';

interface Case {
  id: string;
  summary: Summary;
  alsoIn: AlsoIn[];
}

let cases: Case[] = [];

beforeAll(async () => {
  const opts = corpusReadOptions();
  const read = [];
  for (const row of manifest()) read.push(await readNoteFile(CORPUS_NOTES, path.join(CORPUS_NOTES, row.path), opts));
  // Each note with its family's other languages, as a family announcement carries them.
  cases = read.map(({ note, tokens }) => ({
    id: note.id,
    summary: buildSummary(note, tokens),
    alsoIn: read.filter((o) => o.note.translationKey === note.translationKey && o.note.id !== note.id).map((o) => ({ label: o.note.lang, ...(o.note.url ? { url: o.note.url } : {}) })),
  }));
});

describe('default templates over the corpus', () => {
  it('Discord and Telegram payloads equal the fixed renderers', () => {
    const route = Templates.defaults().global;
    expect(cases.length).toBeGreaterThan(50);
    expect(cases.some((c) => c.alsoIn.length > 0)).toBe(true);
    let compared = 0;
    for (const c of cases) {
      for (const alsoIn of [[], c.alsoIn]) {
        const got = payloadsFor({ summary: c.summary, alsoIn }, route);
        expect(got.discord, c.id).toStrictEqual(renderDiscordMessage(c.summary, alsoIn));
        expect(got.telegram, c.id).toStrictEqual(renderTelegramMessage(c.summary, alsoIn));
        compared++;
      }
    }
    expect(compared).toBe(cases.length * 2);
  });

  it('the example files under config/templates/ give the same payloads as the defaults', () => {
    const files = Templates.fromConfig(
      { templates: { discord: { file: path.join(REPO_ROOT, 'config/templates/discord.liquid') }, telegram: { file: path.join(REPO_ROOT, 'config/templates/telegram.liquid') } }, routes: [] },
      {},
    ).global;
    const defaults = Templates.defaults().global;
    for (const c of cases) {
      expect(payloadsFor(c, files), c.id).toStrictEqual(payloadsFor(c, defaults));
    }
  });
});
