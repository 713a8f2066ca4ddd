/**
 * Every corpus note read and summarised as `corpusReadOptions()` and the default summary options do, computed once and
 * shared (issue 24): a dozen files need the corpus's notes and summaries, not the reading of them, and each read and
 * summarised the 68 notes again (some twice), ~2 s of CPU each time. The result is kept in a file under the OS temporary
 * folder named by a hash of everything it is computed from: every file of `src/` and of the corpus's notes, its
 * manifest and site config, the lock file (marked's version), Node's version and this helper's and corpus.ts's own
 * sources. A change to any of them names another file, so a cache that no longer matches the code is never read. Written
 * to a file of its own and renamed into place (rename(2) is atomic), so a worker reading it while another writes sees
 * the whole file or none. `node:v8` serialisation keeps what JSON would lose (the notes' `Date`s, `undefined` fields).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { readNoteFile, type ParsedNote } from '../../src/notes/read.js';
import { buildSummary, type Summary } from '../../src/summary/build.js';
import { CORPUS, CORPUS_JEKYLL_CONFIG, CORPUS_NOTES, corpusReadOptions, manifest, REPO_ROOT } from './corpus.js';

export interface CorpusSummary extends ParsedNote {
  /** The note's path under the corpus's notes folder, as MANIFEST.tsv writes it. */
  rel: string;
  /** `buildSummary(note, tokens)` with the default options. */
  summary: Summary;
}

const PREFIX = 'notecast-corpus-summaries-';
/** Cache files of other keys (older code or corpus) are removed once this old, so the temporary folder does not fill. */
const STALE_MS = 24 * 3600_000;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/**
 * The hash of everything the summaries are computed from (the header says what), each file by its path and bytes;
 * `repo` and `corpus` are the repository's and the corpus's folders (other ones in this helper's own test).
 */
export function corpusSummariesKey(repo = REPO_ROOT, corpus = CORPUS): string {
  const h = createHash('sha256');
  const own = ['test/helpers/corpus-summaries.ts', 'test/helpers/corpus.ts', 'package-lock.json'].map((p) => path.join(repo, p));
  const site = path.join(corpus, path.relative(CORPUS, CORPUS_JEKYLL_CONFIG));
  const inputs = [...filesUnder(path.join(repo, 'src')), ...own, path.join(corpus, 'MANIFEST.tsv'), site, ...filesUnder(path.join(corpus, 'notes'))];
  h.update(process.version);
  for (const file of inputs) h.update(`\0${file}\0`).update(readFileSync(file));
  return h.digest('hex').slice(0, 32);
}

async function compute(): Promise<CorpusSummary[]> {
  const opts = corpusReadOptions();
  const out: CorpusSummary[] = [];
  for (const { path: rel } of manifest()) {
    const { note, tokens } = await readNoteFile(CORPUS_NOTES, path.join(CORPUS_NOTES, rel), opts);
    out.push({ rel, note, tokens, summary: buildSummary(note, tokens) });
  }
  return out;
}

function removeStale(keep: string): void {
  const dir = tmpdir();
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(PREFIX) || name === keep) continue;
    const file = path.join(dir, name);
    try {
      if (Date.now() - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
    } catch {
      // gone already: another worker removed it
    }
  }
}

/** The cache file's content: each note's entry serialised on its own, so a test asking for one note deserialises one. */
interface KeptEntry {
  rel: string;
  bytes: Uint8Array;
}

/** A cache file is ours by its name, yet read as any file: an entry per manifest row, in its order. */
function isKept(v: unknown): v is KeptEntry[] {
  const rows = manifest();
  return Array.isArray(v) && v.length === rows.length && v.every((e: unknown, i) => typeof e === 'object' && e !== null && 'rel' in e && e.rel === rows[i]!.path && 'bytes' in e && e.bytes instanceof Uint8Array);
}

async function cachedEntries(): Promise<Map<string, Uint8Array>> {
  const name = `${PREFIX}${corpusSummariesKey()}.v8`;
  const file = path.join(tmpdir(), name);
  const kept: unknown = existsSync(file) ? deserialize(readFileSync(file)) : undefined;
  if (isKept(kept)) return new Map(kept.map((e) => [e.rel, e.bytes]));
  const entries: KeptEntry[] = (await compute()).map((e) => ({ rel: e.rel, bytes: serialize(e) }));
  const part = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(part, serialize(entries));
  renameSync(part, file);
  removeStale(name);
  return new Map(entries.map((e) => [e.rel, e.bytes]));
}

/**
 * marked's lexer gives its token list a `links` table of the note's link references, an object with no prototype (so a
 * reference named `constructor` is not found on Object.prototype); serialisation makes it a plain object: made so again.
 */
function withLinksTable(tokens: ParsedNote['tokens']): void {
  const list: ParsedNote['tokens'] & { links?: object } = tokens;
  if (list.links) list.links = Object.assign(Object.create(null) as object, list.links);
}

function isCorpusSummary(v: unknown): v is CorpusSummary {
  return typeof v === 'object' && v !== null && 'rel' in v && typeof v.rel === 'string' && 'note' in v && 'summary' in v && 'tokens' in v && Array.isArray(v.tokens);
}

/** Deserialised from the bytes this helper serialised from a CorpusSummary, read back from a file as any file is. */
function entryOf(bytes: Uint8Array): CorpusSummary {
  const entry: unknown = deserialize(bytes);
  if (!isCorpusSummary(entry)) throw new Error('a corpus summary kept for this run is not one');
  withLinksTable(entry.tokens);
  return entry;
}

let entries: Promise<Map<string, Uint8Array>> | undefined;

/**
 * The corpus's notes in MANIFEST.tsv's order, each read and summarised (see the header). Each call gets objects of
 * its own (deserialised again), so a test that changes one changes nothing another test reads.
 */
export async function corpusSummaries(): Promise<CorpusSummary[]> {
  entries ??= cachedEntries();
  return [...(await entries).values()].map(entryOf);
}

/** One corpus note's entry, by its path under the notes folder (objects of its own); throws when the corpus has no such note. */
export async function corpusSummaryOf(rel: string): Promise<CorpusSummary> {
  entries ??= cachedEntries();
  const bytes = (await entries).get(rel);
  if (!bytes) throw new Error(`no corpus note ${rel} in MANIFEST.tsv`);
  return entryOf(bytes);
}
