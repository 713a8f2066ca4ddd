/**
 * Speed work's byte-equality check (issues 23 and 31): every note summary-record.ts records (the corpus, its 500
 * generated bodies, an optional tree such as the summary bench's blog tree) read, summarised, rendered for Discord,
 * Telegram and plain text, and given its lookup text, words and sketch, by this build and by another checkout's
 * (`dist/` built), compared note by note:
 *
 *   node dist/bench/output-check.js /path/to/main-checkout [/tmp/notecast-bench/blog-2000]
 *
 * Prints how many notes were compared and each one that differs (the first field that does); exits 1 on any.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordedTexts } from './summary-record.js';
import { REPO_ROOT } from './lib.js';

type Out = (rel: string, text: string) => Record<string, unknown>;

/** One build's whole output for a note, each part as JSON, from that build's own modules. */
async function outputOf(root: string, opts: unknown): Promise<Out> {
  const dist = path.join(root, 'dist', 'src');
  const load = async <T>(rel: string) => (await import(path.join(dist, rel))) as T;
  const { parseNoteText } = await load<{ parseNoteText: (rel: string, text: string, o: unknown) => { note: { body: string }; tokens: unknown } }>('notes/read.js');
  const { buildSummary } = await load<{ buildSummary: (note: unknown, tokens: unknown) => unknown }>('summary/build.js');
  const { renderAll } = await load<{ renderAll: (s: unknown) => unknown }>('render/index.js');
  const { bodyText } = await load<{ bodyText: (tokens: unknown) => string }>('summary/body.js');
  const { searchText } = await load<{ searchText: (note: unknown, body: string) => unknown }>('search/text.js');
  const { bodySketch } = await load<{ bodySketch: (body: string) => unknown }>('notes/body-sketch.js');
  return (rel, text) => {
    try {
      const { note, tokens } = parseNoteText(rel, text, opts);
      const summary = buildSummary(note, tokens);
      const body = bodyText(tokens);
      return { summary, rendered: renderAll(summary), body, lookup: searchText(note, body), sketch: bodySketch(note.body) };
    } catch (e) {
      return { error: String(e) };
    }
  };
}

async function check(other: string, dir: string | undefined): Promise<number> {
  const { opts, notes } = recordedTexts(dir);
  const mine = await outputOf(REPO_ROOT, opts);
  const theirs = await outputOf(path.resolve(other), opts);
  let differing = 0;
  for (const [rel, text] of notes) {
    const name = rel.slice(rel.indexOf('/') + 1);
    const a = mine(name, text);
    const b = theirs(name, text);
    const field = Object.keys({ ...a, ...b }).find((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    if (field === undefined) continue;
    differing++;
    console.log(`${rel}: ${field} differs`);
  }
  console.log(`${notes.length} notes compared (summary, Discord, Telegram and plain text, lookup text, words, sketch): ${differing} differ`);
  return differing;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv[2]) {
    console.error('usage: node dist/bench/output-check.js OTHER-CHECKOUT [notes-dir]');
    process.exitCode = 2;
  } else if ((await check(process.argv[2], process.argv[3])) > 0) process.exitCode = 1;
}
