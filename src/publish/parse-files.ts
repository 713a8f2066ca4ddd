/**
 * Note files read and parsed as the service parses them (on worker threads, each within
 * `notes.parseTimeoutMs`), for `check`, `preview` and `search --dir`: a pathological note is that note's error,
 * never a stack trace that skips the rest, nor a command that never ends.
 */
import { errorText, NoteError } from '../errors.js';
import { readNoteTextSync, toRelPath, type Note } from '../notes/read.js';
import type { Summary } from '../summary/build.js';
import type { SearchText } from '../store/types.js';
import { openParser, type ParserOptions, type ParseThreads, type TextJob } from './parse-pool.js';

/** `text`: the note's words as the lookup index reads them; `words`: as saved searches read them (SearchText.words). */
export type ParsedFile = { root: string; file: string; ok: true; note: Note; summary: Summary; text: SearchText; words: string } | { root: string; file: string; ok: false; error: NoteError };

/** Files read and parsed at once: bounds how much text is held. */
const CHUNK = 500;

/**
 * Each file (`file` absolute, under `root`) read and parsed, in order; every failure is that file's `NoteError`.
 * `shared`: idle threads kept between calls (the preview page's batches, a test's commands), so a call
 * loads no thread's modules again (~0.6 s of CPU each); without, its thread ends with it.
 */
export async function parseNoteFiles(files: readonly { root: string; file: string }[], o: ParserOptions, shared?: ParseThreads): Promise<ParsedFile[]> {
  const parser = openParser(o, shared);
  const out: ParsedFile[] = [];
  try {
    for (let from = 0; from < files.length; from += CHUNK) {
      const part = files.slice(from, from + CHUNK);
      const read: (ParsedFile | TextJob)[] = part.map(({ root, file }) => {
        const rel = toRelPath(root, file);
        try {
          const { text, hash } = readNoteTextSync(root, file, rel, o.read.maxBytes, o.read.realRoot);
          return { rel, text, hash };
        } catch (e) {
          return { root, file, ok: false, error: e instanceof NoteError ? e : new NoteError(rel, `cannot read: ${errorText(e)}`) };
        }
      });
      const jobs = read.filter((r): r is TextJob => 'text' in r);
      const results = await parser.parse(jobs);
      let next = 0;
      part.forEach(({ root, file }, i) => {
        const r = read[i]!;
        if (!('text' in r)) return void out.push(r);
        const p = results[next++]!;
        // Every job here asks for its summary (none defers it).
        out.push(p.ok && p.summary ? { root, file, ok: true, note: p.note, summary: p.summary, text: p.text, words: p.text.words } : { root, file, ok: false, error: p.ok ? new NoteError(p.rel, 'could not summarise') : new NoteError(p.rel, p.error.message, p.error.line, p.error.more) });
      });
    }
  } finally {
    await parser.close();
  }
  return out;
}
