/** The shared corpus of real notes, read in place (it carries no licence, so it is never copied here). */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJekyllConfig } from '../../src/notes/url.js';
import type { ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
export const CORPUS_NOTES = path.join(CORPUS, 'notes');
export const CORPUS_JEKYLL_CONFIG = path.join(CORPUS, 'site', 'jekyll-ai-blog', '_config.yml');
export const CLI = path.join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');

/**
 * Throws, naming where the corpus is expected, when it is not there: a corpus test must fail
 * loudly then, never pass over nothing. Every helper below that reads the corpus calls it.
 */
export function requireCorpus(dir = CORPUS): void {
  if (!existsSync(path.join(dir, 'MANIFEST.tsv')) || !existsSync(path.join(dir, 'notes'))) {
    throw new Error(`the shared corpus of real notes is missing: expected at ${dir} (../shared/corpus from the repository root, with MANIFEST.tsv and notes/)`);
  }
}

export interface ManifestRow {
  path: string;
  lang: string;
  type: string;
  url_path: string;
  features: string[];
  title: string;
}

export function manifest(): ManifestRow[] {
  requireCorpus();
  const [head, ...rows] = readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const cols = head!.split('\t');
  return rows.map((r) => {
    const cells = r.split('\t');
    const get = (name: string) => cells[cols.indexOf(name)] ?? '';
    return { path: get('path'), lang: get('lang'), type: get('type'), url_path: get('url_path'), features: get('features').split(',').filter(Boolean), title: get('title') };
  });
}

export function corpusReadOptions(): ReadOptions {
  requireCorpus();
  return { maxBytes: 1024 * 1024, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: readJekyllConfig(CORPUS_JEKYLL_CONFIG) };
}

/** The corpus files of a translation family (by slug), as paths relative to the notes root. */
export function corpusFamily(slug: string): string[] {
  const files = manifest().map((r) => r.path).filter((p) => p.includes(slug));
  if (files.length < 2) throw new Error(`no family ${slug} in the corpus`);
  return files;
}

/** Copies corpus notes into a test's own notes folder (a temporary one: never into the repository). */
export function copyCorpusNotes(notesDir: string, rels: readonly string[]): void {
  requireCorpus();
  for (const rel of rels) {
    mkdirSync(path.dirname(path.join(notesDir, rel)), { recursive: true });
    copyFileSync(path.join(CORPUS_NOTES, rel), path.join(notesDir, rel));
  }
}
