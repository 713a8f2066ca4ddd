/** The shared corpus of real notes, read in place (it carries no licence, so it is never copied here). */
import { readFileSync } from 'node:fs';
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

export interface ManifestRow {
  path: string;
  lang: string;
  type: string;
  url_path: string;
  features: string[];
  title: string;
}

export function manifest(): ManifestRow[] {
  const [head, ...rows] = readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const cols = head!.split('\t');
  return rows.map((r) => {
    const cells = r.split('\t');
    const get = (name: string) => cells[cols.indexOf(name)] ?? '';
    return { path: get('path'), lang: get('lang'), type: get('type'), url_path: get('url_path'), features: get('features').split(',').filter(Boolean), title: get('title') };
  });
}

export function corpusReadOptions(): ReadOptions {
  return { maxBytes: 1024 * 1024, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: readJekyllConfig(CORPUS_JEKYLL_CONFIG) };
}
