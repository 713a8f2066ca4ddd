/**
 * A notes tree shaped like the real blog (see ../shared/corpus/README.md): the corpus's folders
 * (`notes/`, `_posts/<lang>/`, `_notes/<lang>/`), its translation families with their members,
 * its bodies (so sizes and markup are real), but every family with its own title, in each
 * member's language, and its own file names and translation key. Titles are drawn from the words
 * of the corpus in that language, so lookups must tell apart thousands of titles made of the same
 * vocabulary, as on the real blog.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { tokenize } from '../src/search/text.js';
import { CORPUS_NOTES } from './lib.js';

interface Member {
  /** Folder of the file, relative to the notes root. */
  folder: string;
  lang: string;
  /** The file's text with its title replaced by `{{TITLE}}` and its date prefix by `{{DATE}}`. */
  template: string;
}

function listMd(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listMd(p, base) : e.name.endsWith('.md') ? [path.relative(base, p)] : [];
  });
}

const NAME = /^(\d{4}-\d\d-\d\d)-(.+?)(?:-(en|zh|ja|es|hi|fr|de|ar|hant))?\.md$/;
const SPACELESS = new Set(['zh', 'ja', 'hant']);

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The corpus's families (one per slug), their members, and each language's words. */
function readCorpus(): { families: Member[][]; words: Map<string, string[]> } {
  const bySlug = new Map<string, Member[]>();
  const words = new Map<string, Set<string>>();
  for (const rel of listMd(CORPUS_NOTES)) {
    const m = NAME.exec(path.basename(rel));
    if (!m) continue;
    const text = readFileSync(path.join(CORPUS_NOTES, rel), 'utf8');
    const fm = matter(text);
    const lang = String(fm.data.lang ?? m[3] ?? 'en');
    const pool = words.get(lang) ?? new Set<string>();
    for (const w of tokenize(`${String(fm.data.title ?? '')} ${fm.content.slice(0, 3000)}`, lang === 'hant' ? 'zh-Hant' : lang)) {
      if (/^\p{L}{2,}$/u.test(w)) pool.add(w);
    }
    words.set(lang, pool);
    // Title line and date prefix become placeholders; the rest of the file stays as it is.
    const template = text.replace(/^title:.*$/m, 'title: {{TITLE}}');
    const family = bySlug.get(m[2]!) ?? [];
    family.push({ folder: path.dirname(rel), lang, template });
    bySlug.set(m[2]!, family);
  }
  return { families: [...bySlug.values()], words: new Map([...words].map(([l, s]) => [l, [...s].sort()])) };
}

/** A title of 3–6 words of `lang` (joined without spaces where the language writes none), quoted for YAML. */
function title(words: string[], lang: string, r: () => number): string {
  const n = 3 + Math.floor(r() * 4);
  const picked = Array.from({ length: n }, () => words[Math.floor(r() * words.length)]!);
  const t = picked.join(SPACELESS.has(lang) ? '' : ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export interface BlogTree {
  dir: string;
  notes: number;
  families: number;
}

/** Writes (once, then reuses) a blog-shaped tree of `n` notes under `dir`. */
export function blogTree(n: number, dir: string): BlogTree {
  const marker = path.join(dir, `.blog-${n}.json`);
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as BlogTree;
  rmSync(dir, { recursive: true, force: true });
  const { families, words } = readCorpus();
  const seen = new Set<string>();
  let written = 0;
  let k = 0;
  for (; written < n; k++) {
    const members = families[k % families.length]!;
    const r = rng(k + 1);
    const day = new Date(Date.UTC(2019, 0, 1) + (k % 2500) * 86_400_000).toISOString().slice(0, 10);
    const slug = `note-${k.toString(36)}`;
    // One title per language for the whole family (its translations share a meaning, not the words).
    const titles = new Map<string, string>();
    for (const m of members) {
      if (written >= n) break;
      let t = titles.get(m.lang);
      while (!t || seen.has(t)) t = title(words.get(m.lang) ?? words.get('en')!, m.lang, r);
      seen.add(t);
      titles.set(m.lang, t);
      const file = path.join(dir, m.folder, `${day}-${slug}-${m.lang}.md`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, m.template.replace('title: {{TITLE}}', `title: '${t.replace(/'/g, "''")}'`));
      written++;
    }
  }
  const tree = { dir, notes: written, families: k };
  writeFileSync(marker, JSON.stringify(tree));
  return tree;
}
