/**
 * Reading one note: bytes → validated, typed `Note` plus marked's token stream.
 * Every failure is a `NoteError` naming the file and, where there is one, the line.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants as fsConstants, fstatSync, openSync, readFileSync, readSync, realpathSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { yamlErrorAt } from './yaml-error.js';
import { plainYamlMap } from './plain-yaml.js';
import { splitFrontMatter, type FrontMatterSplit } from './fm-split.js';
import { yaml } from './yaml-lazy.js';
import { Lexer, type Token } from 'marked';
import type { z } from 'zod';
import { errorText, NoteError, type NoteProblem } from '../errors.js';
import { authorsExcerpt } from './excerpt.js';
import { frontMatterLine } from './fm-lines.js';
import { frontMatterSchema, type FrontMatter } from './frontmatter.js';
import { pathLanguage, sameBaseLanguage, toLocaleTag } from './lang.js';
import { textWithoutControls } from './bare-text.js';
import { renderJekyllSource } from './jekyll.js';
import { whyJekyllSkips, type JekyllReading } from './jekyll-reading.js';
import { dateFromFileName, noteUrl, type SiteConfig } from './url.js';
import { plainIssueMessage } from '../util/schema-messages.js';

export interface Note {
  /** Path relative to the notes root without extension, `/`-separated. */
  id: string;
  /** Path relative to the notes root, as errors name it. */
  file: string;
  /** sha256 of the normalised text (front matter and body). */
  hash: string;
  /** sha256 of that text without its controls (bare-text.ts), only when it writes any: what copies are compared by. */
  bareHash?: string | undefined;
  title: string;
  date?: Date | undefined;
  /** Language as written (`hant`). */
  lang: string;
  /** BCP 47 tag for text processing (`zh-Hant`). */
  locale: string;
  tags: string[];
  categories: string[];
  type?: string | undefined;
  /** `draft: true` or `published: false`, or a file the Jekyll site does not publish (`unpublishedBy`). */
  draft: boolean;
  /** Why the Jekyll site's build does not publish this file (jekyll-reading.ts), when it does not. */
  unpublishedBy?: string | undefined;
  url?: string | undefined;
  /** Notes sharing this key are translations of each other. */
  translationKey: string;
  frontMatter: FrontMatter;
  body: string;
  /** The author's own summary, in Markdown: `description`, `excerpt` or the body before the excerpt separator (excerpt.ts). */
  excerpt?: string | undefined;
}

export interface ParsedNote {
  note: Note;
  tokens: Token[];
}

export interface ReadOptions {
  maxBytes: number;
  defaultLang: string;
  fileLangs: readonly string[];
  site: SiteConfig;
  /** A Jekyll site's reading rules, when the notes folder is (in) the site a `_config.yml` was read from: what its build does not publish is not announced. */
  jekyll?: JekyllReading | undefined;
  /** `realpath` of the notes root, when the caller already knows it (saves a syscall per note). */
  realRoot?: string | undefined;
}

/** File extensions read as notes. */
const NOTE_EXTENSIONS = ['.md', '.markdown'] as const;

export function isNoteFile(p: string): boolean {
  const lower = p.toLowerCase();
  return NOTE_EXTENSIONS.some((e) => lower.endsWith(e));
}

function firstInvalidUtf8(buf: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Binary search for the shortest prefix that fails, tolerating a cut multi-byte tail.
  let lo = 0;
  let hi = buf.length;
  while (hi - lo > 4) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(buf.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

function bufferLine(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (buf[i] === 10) line++;
  return line;
}

/** Reads and parses a note file under `root`. Refuses files that resolve outside `root`. */
export async function readNoteFile(root: string, absPath: string, opts: ReadOptions): Promise<ParsedNote> {
  const rel = toRelPath(root, absPath);
  const { buf } = await readNoteBytes(root, absPath, rel, opts.maxBytes, opts.realRoot);
  return parseNote(rel, buf, opts);
}

/**
 * Reads a note's bytes with the size and containment checks, without parsing.
 * Synchronous on purpose: notes are small, and five thread-pool round trips per note
 * (realpath, open, stat, read, close) cost more than the reads themselves (see bench/summary.ts).
 */
async function readNoteBytes(
  root: string,
  absPath: string,
  rel = toRelPath(root, absPath),
  maxBytes = Infinity,
  knownRealRoot?: string,
): Promise<{ buf: Buffer; rel: string; mtimeMs: number }> {
  return readNoteBytesSync(root, absPath, rel, maxBytes, knownRealRoot);
}

/**
 * How a note is opened: O_NONBLOCK, since opening a FIFO (`mkfifo x.md`) for reading blocks until a
 * writer comes, for ever if none does, and the thread with it (open(2), fifo(7)); with it the open
 * returns at once and fstat refuses the FIFO as not a regular file. A regular file's reads ignore it.
 */
const NOTE_OPEN_FLAGS = fsConstants.O_RDONLY | fsConstants.O_NONBLOCK;

/**
 * Reads a note's bytes, refusing a file that resolves outside the notes folder (a symlink, or a
 * symlinked folder, leading out). The folder part is resolved once per folder when `realDirs` is
 * given (a scan of 35,000 notes has a few dozen folders); the file itself is opened with
 * O_NOFOLLOW, and only a symlinked file is resolved in full.
 */
export function readNoteBytesSync(root: string, absPath: string, rel: string, maxBytes: number, knownRealRoot?: string, realDirs?: Map<string, string>): { buf: Buffer; rel: string; mtimeMs: number } {
  let realRoot: string;
  let realDir: string;
  try {
    realRoot = knownRealRoot ?? realpathSync.native(root);
    const dir = path.dirname(absPath);
    realDir = realDirs?.get(dir) ?? realpathSync.native(dir);
    realDirs?.set(dir, realDir);
  } catch (e) {
    throw new NoteError(rel, `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot + path.sep);
  if (!inside(realDir)) throw new NoteError(rel, 'refused: the file resolves outside the notes folder');
  let fd: number;
  try {
    fd = openSync(path.join(realDir, path.basename(absPath)), NOTE_OPEN_FLAGS | fsConstants.O_NOFOLLOW);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOOP') throw new NoteError(rel, `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    fd = openSymlinkedNote(rel, absPath, inside);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new NoteError(rel, 'not a regular file');
    if (st.size > maxBytes) {
      throw new NoteError(rel, `file is ${st.size} bytes, over the ${maxBytes}-byte limit (notes.maxBytes)`);
    }
    return { buf: readWhole(fd, st.size), rel, mtimeMs: st.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/**
 * An open file's bytes, `size` of them as its fstat said, read into one buffer: `readFileSync(fd)`
 * stats it again first (a cold start's read of 10,000 notes: 36 -> 23 µs a note, load ~25). A file
 * stat gives no size for (a pseudo-file) is read as readFileSync reads it, to its end.
 */
function readWhole(fd: number, size: number): Buffer {
  if (!size) return readFileSync(fd);
  const buf = Buffer.allocUnsafe(size);
  let at = 0;
  for (let n = 1; at < size && n > 0; at += n) n = readSync(fd, buf, at, size - at, at);
  return at < size ? buf.subarray(0, at) : buf;
}

/** A note file's text (decoded, see `decodeNoteText`) and its digest. Throws `NoteError`. */
export function readNoteTextSync(root: string, absPath: string, rel: string, maxBytes: number, knownRealRoot?: string, realDirs?: Map<string, string>): { text: string; hash: string; mtimeMs: number; size: number } {
  const { buf, mtimeMs } = readNoteBytesSync(root, absPath, rel, maxBytes, knownRealRoot, realDirs);
  const text = decodeNoteText(rel, buf, maxBytes);
  // The digest is the text's; read with no BOM or CR to take out, the text is these bytes (valid
  // UTF-8, decoded), so they are hashed, not a UTF-8 copy of the text made for it (8 -> 4 µs a note).
  const asRead = !(buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) && buf.indexOf(13) < 0;
  return { text, hash: contentHash(asRead ? buf : text), mtimeMs, size: buf.length };
}

/** A note that is itself a symlink: read only if it resolves inside the notes folder. */
function openSymlinkedNote(rel: string, absPath: string, inside: (p: string) => boolean): number {
  let real: string;
  try {
    real = realpathSync.native(absPath);
  } catch (e) {
    throw new NoteError(rel, `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (!inside(real)) throw new NoteError(rel, 'refused: the file resolves outside the notes folder');
  try {
    return openSync(real, NOTE_OPEN_FLAGS);
  } catch (e) {
    throw new NoteError(rel, `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** A note's id: its path under the notes folder without the extension (`_posts/2024-01-02-a.md` → `_posts/2024-01-02-a`). */
export function noteIdOf(rel: string): string {
  return rel.replace(/\.[^./]+$/, '');
}

export function toRelPath(root: string, absPath: string): string {
  return path.relative(root, absPath).split(path.sep).join('/');
}

/** Digest of a note's normalised text (or of its UTF-8 bytes, the same digest); unchanged notes are recognised by it without parsing. */
export function contentHash(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The digest of the text without its controls, when it writes any (bare-text.ts); else the text is its own bare text. */
export function bareHashOf(text: string): { bareHash?: string } {
  const bare = textWithoutControls(text);
  return bare === undefined ? {} : { bareHash: contentHash(bare) };
}

/** Bytes → text, with BOM and CRLF normalised; binary and non-UTF-8 input is refused. */
export function decodeNoteText(rel: string, buf: Buffer, maxBytes: number): string {
  if (buf.length === 0) throw new NoteError(rel, 'empty file', 1);
  if (buf.length > maxBytes) throw new NoteError(rel, `file is ${buf.length} bytes, over the ${maxBytes}-byte limit (notes.maxBytes)`);
  if (!isUtf8(buf)) {
    const at = firstInvalidUtf8(buf);
    throw new NoteError(rel, `not UTF-8 text (invalid byte at offset ${at})`, bufferLine(buf, at));
  }
  const nul = buf.indexOf(0);
  if (nul >= 0) throw new NoteError(rel, 'binary data (NUL byte), not a text note', bufferLine(buf, nul));
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new NoteError(rel, 'empty file', 1);
  return text;
}

const FM_OPEN = /^---[ \t]*\n/;

/**
 * YAML of the front matter, with alias expansion bounded: a few hundred bytes of nested aliases
 * ("billion laughs") would otherwise expand to gigabytes in whatever walks the value. Dates stay
 * text here and are checked by the schema, so `2025-02-30` is an error instead of 2025-03-02.
 */
const MAX_YAML_ALIASES = 100;

export function parseFrontMatterYaml(source: string): object {
  // A flat map of strings and booleans, as most notes have, is read without the parser (plain-yaml.ts).
  const plain = plainYamlMap(source);
  if (plain) return plain;
  const value: unknown = yaml().parse(source, { schema: 'core', maxAliasCount: MAX_YAML_ALIASES, uniqueKeys: true });
  return (value ?? {}) as object;
}

/** The `yaml` package's errors, as a `NoteError` on the file's line (the front matter starts on line 2). */
function frontMatterError(rel: string, e: unknown, text: string): NoteError {
  const lines = text.split('\n');
  const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l)) + 1;
  const last = close > 1 ? close - 1 : 2;
  if (e instanceof yaml().YAMLError) {
    // The same rule as the config file's (notes/yaml-error.ts), on the front matter's lines.
    const { line, message } = yamlErrorAt(e, lines.slice(0, last).join('\n'));
    return new NoteError(rel, `invalid YAML front matter: ${message}`, Math.min(Math.max(line, 2), last));
  }
  if (e instanceof ReferenceError && /alias/i.test(e.message)) {
    const aliasLine = lines.findIndex((l, i) => i > 0 && i < last && /(^|[\s,[{])\*[^\s,\]}]+/.test(l)) + 1;
    return new NoteError(rel, `front matter uses YAML aliases that expand past ${MAX_YAML_ALIASES} copies; refused (a resource-exhaustion pattern)`, aliasLine > 0 ? aliasLine : 2);
  }
  return new NoteError(rel, `invalid front matter: ${errorText(e)}`, 1);
}

/** Every problem zod found in the front matter, each on its line, in the order of the lines. */
function frontMatterProblems(text: string, data: Record<string, unknown>, issues: readonly z.core.$ZodIssue[]): NoteProblem[] {
  const out: NoteProblem[] = [];
  for (const issue of issues) {
    // A mapping that does not know some keys (`notecast: {silnet: …}`): one problem per key.
    const subs = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const extra of subs) {
      const at = extra === undefined ? issue.path.map((p) => (typeof p === 'number' ? p : String(p))) : [...issue.path.map((p) => (typeof p === 'number' ? p : String(p))), extra];
      let got: unknown = data;
      for (const p of at) got = got !== null && typeof got === 'object' ? (got as Record<string | number, unknown>)[p] : undefined;
      const shown = got instanceof Date ? got.toISOString() : JSON.stringify(got);
      const name = at.filter((p) => typeof p === 'string').join('.');
      out.push({ message: `front matter \`${name}\`: ${issue.message}${shown === undefined ? '' : ` (got ${shown.slice(0, 80)})`}`, line: frontMatterLine(text, at) });
    }
  }
  return out.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}

function firstH1(tokens: Token[]): string | undefined {
  for (const t of tokens) if (t.type === 'heading' && t.depth === 1) return t.text;
  return undefined;
}

/** Pure: parses a note's bytes. Throws `NoteError`. */
export function parseNote(rel: string, buf: Buffer, opts: ReadOptions): ParsedNote {
  const text = decodeNoteText(rel, buf, opts.maxBytes);
  return parseNoteText(rel, text, opts);
}

/** `hash`: the text's digest when the reader already took it (`readNoteTextSync`): it is not taken twice. */
export function parseNoteText(rel: string, text: string, opts: ReadOptions, hash?: string): ParsedNote {
  if (FM_OPEN.test(text) && !/\n(---|\.\.\.)[ \t]*(\n|$)/.test(text.slice(3))) {
    throw new NoteError(rel, 'front matter is not closed: no line with `---` after the opening one', 1);
  }
  let parsed: FrontMatterSplit;
  try {
    parsed = splitFrontMatter(text, parseFrontMatterYaml);
  } catch (e) {
    throw frontMatterError(rel, e, text);
  }
  if (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) {
    throw new NoteError(rel, 'front matter must be a mapping of keys to values', 2);
  }
  const result = frontMatterSchema.safeParse(parsed.data, { error: plainIssueMessage });
  if (!result.success) {
    const [first, ...more] = frontMatterProblems(text, parsed.data as Record<string, unknown>, result.error.issues);
    throw new NoteError(rel, first!.message, first!.line, more);
  }
  const fm = result.data;
  const body = parsed.content;

  const file = rel.split('/').pop() ?? rel;
  const stem = file.replace(/\.[^.]+$/, '');
  const id = noteIdOf(rel);
  const date = fm.date ?? dateFromFileName(file);
  const fromPath = pathLanguage(rel, opts.fileLangs);
  const lang = fm.lang ?? fromPath.lang ?? opts.defaultLang;
  const unpublishedBy = opts.jekyll && whyJekyllSkips(rel, opts.jekyll);
  const draft = fm.draft === true || fm.published === false || unpublishedBy !== undefined;
  const pageTitle = fm.title ?? stem;
  const url = noteUrl({ relPath: rel, date, title: pageTitle, categories: fm.categories, permalink: fm.permalink, slug: fm.slug }, opts.site);
  // Liquid and kramdown first, as Jekyll does, so marked reads what the site shows.
  const tokens = new Lexer({ gfm: true }).lex(renderJekyllSource(body, opts.site, { title: pageTitle, url, date, lang }));
  const excerpt = authorsExcerpt(fm, body, opts.site, { title: pageTitle, url, date, lang });
  const title = (fm.title?.trim() || firstH1(tokens)?.trim() || stem).replace(/\s+/g, ' ');
  // The family key drops a `-xx` suffix only when it is the note's language: otherwise it is a word of the slug.
  const keyStem = fromPath.suffix && sameBaseLanguage(fromPath.suffix, lang) ? stem.slice(0, -(fromPath.suffix.length + 1)) : stem;
  const note: Note = {
    id,
    file: rel,
    hash: hash ?? contentHash(text),
    ...bareHashOf(text),
    title,
    date,
    lang,
    locale: toLocaleTag(lang),
    tags: fm.tags ?? [],
    categories: fm.categories ?? [],
    type: fm.type,
    draft,
    ...(unpublishedBy === undefined ? {} : { unpublishedBy }),
    url,
    // One Unicode normal form (NFC): macOS writes file names decomposed (NFD), Linux keeps them as typed (NFC), so one
    // name reaches us in either, and a family key compared as written split `café.md` from its translation (issue 25, F6).
    translationKey: (fm.translationKey ?? fm.ref ?? keyStem).normalize('NFC'),
    frontMatter: fm,
    body,
    excerpt,
  };
  return { note, tokens };
}
