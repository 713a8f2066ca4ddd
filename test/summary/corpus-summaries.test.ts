/**
 * The corpus's summaries computed once a run (test/helpers/corpus-summaries.ts): what it hands out is what reading and
 * summarising each note gives, and its cache's name changes with anything the summaries are computed from.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readNoteFile } from '../../src/notes/read.js';
import { buildSummary } from '../../src/summary/build.js';
import { CORPUS_NOTES, corpusReadOptions, manifest } from '../helpers/corpus.js';
import { corpusSummaries, corpusSummariesKey } from '../helpers/corpus-summaries.js';
import { tempFolder } from '../helpers/temp-folder.js';

describe('corpusSummaries', () => {
  it('gives every manifest note, in its order, as reading and summarising it gives (one note of each language read again)', async () => {
    const all = await corpusSummaries();
    expect(all.map((c) => c.rel)).toEqual(manifest().map((r) => r.path));
    const oneEach = [...new Map(manifest().map((r) => [r.lang, r.path])).values()];
    expect(oneEach.length).toBeGreaterThan(5);
    for (const rel of oneEach) {
      const { note, tokens } = await readNoteFile(CORPUS_NOTES, path.join(CORPUS_NOTES, rel), corpusReadOptions());
      const cached = all.find((c) => c.rel === rel)!;
      expect(cached.note, rel).toStrictEqual(note);
      expect(cached.tokens, rel).toStrictEqual(tokens);
      expect(cached.summary, rel).toStrictEqual(buildSummary(note, tokens));
    }
  });

  it('hands each call objects of its own', async () => {
    const [first] = await corpusSummaries();
    first!.summary.title = 'changed by a test';
    first!.note.tags.push('changed');
    const [again] = await corpusSummaries();
    expect(again!.summary.title).not.toBe('changed by a test');
    expect(again!.note.tags).not.toContain('changed');
  });
});

describe('corpusSummariesKey', () => {
  const root = tempFolder('notecast-corpus-key-');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const repo = path.join(root, 'repo');
  const corpus = path.join(root, 'corpus');
  const put = (file: string, text: string) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  put(path.join(repo, 'src', 'summary', 'build.ts'), 'export const a = 1;\n');
  put(path.join(repo, 'test', 'helpers', 'corpus-summaries.ts'), '// helper\n');
  put(path.join(repo, 'test', 'helpers', 'corpus.ts'), '// corpus\n');
  put(path.join(repo, 'package-lock.json'), '{}\n');
  put(path.join(corpus, 'MANIFEST.tsv'), 'path\tlang\n');
  put(path.join(corpus, 'site', 'jekyll-ai-blog', '_config.yml'), 'url: x\n');
  put(path.join(corpus, 'notes', 'a-en.md'), '# A\n');

  it.each([
    ['a source file edited', path.join('repo', 'src', 'summary', 'build.ts'), 'export const a = 2;\n'],
    ['a source file added', path.join('repo', 'src', 'notes', 'new.ts'), 'export {};\n'],
    ['the helper edited', path.join('repo', 'test', 'helpers', 'corpus-summaries.ts'), '// helper 2\n'],
    ['the corpus options edited', path.join('repo', 'test', 'helpers', 'corpus.ts'), '// corpus 2\n'],
    ['a dependency changed', path.join('repo', 'package-lock.json'), '{"marked":"2"}\n'],
    ['the manifest edited', path.join('corpus', 'MANIFEST.tsv'), 'path\tlang\ta-en.md\ten\n'],
    ['the site config edited', path.join('corpus', 'site', 'jekyll-ai-blog', '_config.yml'), 'url: y\n'],
    ['a note edited', path.join('corpus', 'notes', 'a-en.md'), '# A, edited\n'],
    ['a note added', path.join('corpus', 'notes', 'b', 'b-en.md'), '# B\n'],
  ])('changes when %s', (_what, rel, text) => {
    const before = corpusSummariesKey(repo, corpus);
    expect(corpusSummariesKey(repo, corpus)).toBe(before);
    put(path.join(root, rel), text);
    expect(corpusSummariesKey(repo, corpus)).not.toBe(before);
  });
});
