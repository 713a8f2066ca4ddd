/**
 * Issue 31's guard and micro-bench for the parse thread's extra work on each note: its prose for
 * lookups (summary/body.ts), its lookup words (search/text.ts `searchText`) and its body's sketch
 * (notes/body-sketch.ts). Over every corpus note, summary-record.ts's 500 generated bodies and an
 * optional tree (the bench's blog tree):
 *
 *   node dist/bench/lookup-record.js record OUT.jsonl [dir]   one JSON line per note; on main, then on the change: cmp
 *   node dist/bench/lookup-record.js time [dir] [runs]        CPU ms each of the three takes over all notes, per run
 *
 * CPU time, not wall time: on a machine others load (these run at load 10+ on 2 cores) it is the steadier.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Token } from 'marked';
import { parseNoteText, type Note } from '../src/notes/read.js';
import { bodyText } from '../src/summary/body.js';
import { searchText } from '../src/search/text.js';
import { bodySketch } from '../src/notes/body-sketch.js';
import { recordedTexts } from './summary-record.js';

function parsedNotes(dir: string | undefined): Array<{ rel: string; note: Note; tokens: Token[] }> {
  const { opts, notes: texts } = recordedTexts(dir);
  const out: Array<{ rel: string; note: Note; tokens: Token[] }> = [];
  for (const [rel, text] of texts) {
    try {
      out.push({ rel, ...parseNoteText(rel.slice(rel.indexOf('/') + 1), text, opts) });
    } catch {
      // a note that does not parse has no lookup words: nothing to compare
    }
  }
  return out;
}

function record(out: string, dir: string | undefined): void {
  const lines = parsedNotes(dir).map(({ rel, note, tokens }) => {
    const body = bodyText(tokens);
    return JSON.stringify({ rel, body, text: searchText(note, body), sketch: bodySketch(note.body) });
  });
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`${lines.length} notes written to ${out}`);
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function time(dir: string | undefined, runs: number): void {
  const notes = parsedNotes(dir);
  const bodies = notes.map(({ tokens }) => bodyText(tokens));
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = cpuMs();
    for (const { tokens } of notes) sink += bodyText(tokens).length;
    const t1 = cpuMs();
    // The words as the store gets them: a string built by concatenation is flattened when read (charCodeAt does).
    notes.forEach(({ note }, i) => (sink += searchText(note, bodies[i]!).words.charCodeAt(0) || 0));
    const t2 = cpuMs();
    for (const { note } of notes) sink += bodySketch(note.body).n;
    const t3 = cpuMs();
    console.log(JSON.stringify({ run: r + 1, notes: notes.length, bodyTextCpuMs: Math.round(t1 - t0), searchTextCpuMs: Math.round(t2 - t1), bodySketchCpuMs: Math.round(t3 - t2), sink }));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode, a, b] = process.argv.slice(2);
  if (mode === 'record' && a) record(a, b);
  else if (mode === 'time') time(a, Number(b ?? 5));
  else {
    console.error('usage: node dist/bench/lookup-record.js record OUT.jsonl [dir] | time [dir] [runs]');
    process.exitCode = 2;
  }
}
