/**
 * Issue 23's guard for speed work on summaries: writes the summary of every corpus note, of 500
 * bodies generated from a fixed seed, and of every note of an optional tree (the bench's blog tree),
 * one JSON line each, so a change meant to make summaries faster can be shown to change no output:
 *
 *   node dist/bench/summary-record.js before.jsonl [dir]   (on main)
 *   node dist/bench/summary-record.js after.jsonl [dir]    (on the change) ; cmp before.jsonl after.jsonl
 *
 * Generated bodies mix the corpus's own blocks (its paragraphs, lists, tables, code in nine
 * languages) with blocks the summary treats specially (headings, lists under lead-ins, chat filler,
 * questions to the reader, dialogue turns, math, code after an announcing sentence), in any order.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import matter from 'gray-matter';
import { parseNoteText, type ReadOptions } from '../src/notes/read.js';
import { readJekyllConfig } from '../src/notes/url.js';
import { DEFAULT_FILE_LANGS } from '../src/notes/lang.js';
import { buildSummary } from '../src/summary/build.js';
import { CORPUS_NOTES, listMarkdown, REPO_ROOT } from './lib.js';

const GENERATED = 500;
const SEED = 23;
const LANGS = ['en', 'zh', 'ja', 'es', 'hi', 'fr', 'de', 'ar', 'zh-Hant'];

/** The corpus bodies' blocks (text between blank lines; a fence kept whole). */
function corpusBlocks(): string[] {
  const blocks: string[] = [];
  for (const rel of listMarkdown(CORPUS_NOTES)) {
    const body = matter(readFileSync(path.join(CORPUS_NOTES, rel), 'utf8')).content;
    let open = '';
    for (const part of body.split(/\n{2,}/)) {
      open = open ? `${open}\n\n${part}` : part;
      if ((open.match(/^\s*```/gm) ?? []).length % 2 === 0) {
        if (open.trim()) blocks.push(open.trim());
        open = '';
      }
    }
  }
  return blocks;
}

const words = fc.constantFrom('Tokio', 'runtime', 'threads', 'the', 'cache', 'Jekyll', 'build', 'MongoDB', 'index', 'query', 'Rust', 'matrix', 'pivot', '数据', 'の', 'モデル', 'datos', 'रूपरेखा', 'Schlüssel', 'البيانات', 'café', 'GPU', 'v1.2', '42', 'x64');
const phrase = fc.array(words, { minLength: 2, maxLength: 14 }).map((w) => w.join(' '));
const sentence = fc.tuple(phrase, fc.constantFrom('.', '!', '?', '。', '：', ':', '…', '')).map(([p, end]) => `${p.charAt(0).toUpperCase()}${p.slice(1)}${end}`);

/** Blocks the summary treats in their own ways. */
const special: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 4 }), phrase).map(([n, p]) => `${'#'.repeat(n)} ${p}`),
  fc.array(sentence, { minLength: 1, maxLength: 6 }).map((s) => s.join(' ')),
  fc.tuple(sentence, fc.array(phrase, { minLength: 1, maxLength: 6 }), fc.boolean()).map(([lead, items, ordered]) => `${lead.replace(/\W?$/u, ':')}\n\n${items.map((t, i) => `${ordered ? `${i + 1}.` : '-'} ${t}`).join('\n')}`),
  fc.constantFrom('Great question!', 'Absolutely, spot on — here is how.', '没错！', 'Certainly!', 'Do you want me to also show you the tests?', 'Here is how:', '你說得完全正確。', 'Let me explain.'),
  fc.tuple(phrase, phrase).map(([q, a]) => `A: ${q}?\n\nB: Certainly! ${a}.`),
  fc.tuple(sentence, phrase).map(([s, code]) => `${s.replace(/\W?$/u, ':')}\n\n\`\`\`sh\n${code}\n\`\`\``),
  fc.tuple(phrase, phrase).map(([a, b]) => `The cost is $n!$ and $\\frac{a}{b}$ with \`${a}\`, see [docs](https://example.com/${b.length}).`),
  fc.array(fc.tuple(words, words), { minLength: 1, maxLength: 5 }).map((rows) => `| Name | Value |\n| --- | --- |\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}`),
  fc.tuple(phrase).map(([p]) => `> ${p}. In short: ${p}.`),
);

function generatedBodies(): string[] {
  const pool = corpusBlocks();
  const block = fc.oneof(fc.integer({ min: 0, max: pool.length - 1 }).map((i) => pool[i]!), special);
  const note = fc.tuple(fc.constantFrom(...LANGS), phrase, fc.array(block, { minLength: 1, maxLength: 18 }), fc.option(phrase, { nil: undefined }));
  return fc.sample(note, { seed: SEED, numRuns: GENERATED }).map(([lang, title, blocks, description]) => {
    const front = [`title: '${title.replace(/'/g, "''")}'`, `lang: ${lang}`, ...(description ? [`description: '${description}'`] : [])];
    return `---\n${front.join('\n')}\n---\n\n${blocks.join('\n\n')}\n`;
  });
}

/** What a recorder reads (lookup-record.ts too): every corpus note, the generated bodies and `dir`'s notes, as [rel, text], and how to read them. */
export function recordedTexts(dir: string | undefined): { opts: ReadOptions; notes: Array<[string, string]> } {
  const site = readJekyllConfig(path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'site', 'jekyll-ai-blog', '_config.yml'));
  const opts: ReadOptions = { maxBytes: 1024 * 1024, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site };
  const notes: Array<[string, string]> = [
    ...listMarkdown(CORPUS_NOTES).map((rel): [string, string] => [`corpus/${rel}`, readFileSync(path.join(CORPUS_NOTES, rel), 'utf8')]),
    ...generatedBodies().map((text, i): [string, string] => [`generated/${i}.md`, text]),
    ...(dir ? listMarkdown(dir).map((rel): [string, string] => [`tree/${rel}`, readFileSync(path.join(dir, rel), 'utf8')]) : []),
  ];
  return { opts, notes };
}

function record(out: string, dir: string | undefined): void {
  const { opts, notes } = recordedTexts(dir);
  const lines: string[] = [];
  for (const [rel, text] of notes) {
    try {
      const { note, tokens } = parseNoteText(rel.slice(rel.indexOf('/') + 1), text, opts);
      lines.push(JSON.stringify({ rel, summary: buildSummary(note, tokens) }));
    } catch (e) {
      lines.push(JSON.stringify({ rel, error: String(e) }));
    }
  }
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`${lines.length} summaries written to ${out}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv[2]) {
    console.error('usage: node dist/bench/summary-record.js OUT.jsonl [notes-dir]');
    process.exitCode = 2;
  } else record(process.argv[2], process.argv[3]);
}
