/**
 * Issue 25 (e25t): a held rewrite (another title, most of the body new) is another note at its path only when the note
 * says so (its date, permalink, slug or key changed) or, with nothing written, when both bodies are long enough to
 * judge (another-note.ts). e25r's rule, title and body alone, took short notes' edits for new notes and was reverted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodySketch } from '../../src/notes/body-sketch.js';
import { identityEvidence, writtenIdentity, type NoteIdentity } from '../../src/notes/identity.js';
import { parseNoteText } from '../../src/notes/read.js';
import { anotherNote, beyondRecognition, JUDGED_RUNS, type NoteSide } from '../../src/publish/another-note.js';
import { CORPUS_NOTES, corpusReadOptions, manifest } from '../helpers/corpus.js';

const opts = corpusReadOptions();
/** A note's side as the service reads it at `rel` (the path both sides share: what the path alone gives is alike). */
function side(text: string, rel = 'a.md'): NoteSide {
  const { note } = parseNoteText(rel, text, opts);
  return { title: note.title, body: bodySketch(note.body), identity: writtenIdentity(note.frontMatter) ?? {} };
}
const note = (fm: string, body: string) => `---\n${fm}\n---\n\n${body}\n`;

describe('identity evidence (front matter as written)', () => {
  it.each([
    ['nothing written on either side', {}, {}, 'none'],
    ['the same date', { date: '2025-09-09T00:00:00.000Z' }, { date: '2025-09-09T00:00:00.000Z' }, 'kept'],
    ['another date', { date: '2025-09-09T00:00:00.000Z' }, { date: '2025-09-12T00:00:00.000Z' }, 'changed'],
    ['a date written on one side only', { date: '2025-09-09T00:00:00.000Z' }, {}, 'changed'],
    ['another permalink, the same date', { date: '2025-09-09T00:00:00.000Z', permalink: '/a' }, { date: '2025-09-09T00:00:00.000Z', permalink: '/b' }, 'kept'],
    ['another family key', { key: 'alpha' }, { key: 'beta' }, 'changed'],
    ['tags sharing one', { tags: ['go', 'web'] }, { tags: ['web'] }, 'kept'],
    ['tags sharing none', { tags: ['go'] }, { tags: ['rust'] }, 'changed'],
    ['tags on one side only (labels, not identity)', { tags: ['go'] }, {}, 'none'],
  ] satisfies [string, NoteIdentity, NoteIdentity, 'kept' | 'changed' | 'none'][])('%s', (_, before, after, expected) => {
    expect(identityEvidence(before, after)).toBe(expected);
  });
});

describe('another note, or an edit', () => {
  const longBody = (topic: string) => Array.from({ length: JUDGED_RUNS + 2 }, (_, i) => `${topic}${i}`).join(' ');

  it('a short note with nothing written, its title and line reworded, is an edit (the tests e25r broke)', () => {
    expect(anotherNote(side(note('title: Second', 'About Second.')), side(note('title: Second, edited', 'About Second, edited.')))).toBe(false);
    expect(anotherNote(side(note('title: Stream one', 'A stream of kafka events, edited.')), side(note('title: Batch one', 'No longer about that topic.')))).toBe(false);
  });

  it('a short note keeping its date is an edit however much else changed; another date, or another permalink, is another note', () => {
    const before = side(note('title: Alpha\ndate: 2025-09-09', 'Apples and pears.'));
    expect(anotherNote(before, side(note('title: Omega\ndate: 2025-09-09', 'Trains and boats.')))).toBe(false);
    expect(anotherNote(before, side(note('title: Omega\ndate: 2025-09-12', 'Trains and boats.')))).toBe(true);
    expect(anotherNote(side(note('title: Alpha\npermalink: /alpha/', 'Apples.')), side(note('title: Omega\npermalink: /omega/', 'Trains.')))).toBe(true);
  });

  it('with nothing written, long bodies with nothing in common and titles sharing no word are two notes; a shared title word or a short side is an edit', () => {
    const [apples, trains] = [longBody('apple'), longBody('train')];
    expect(anotherNote(side(note('title: Alpha', apples)), side(note('title: Omega', trains)))).toBe(true);
    expect(anotherNote(side(note('title: Alpha notes', apples)), side(note('title: Omega notes', trains)))).toBe(false);
    expect(anotherNote(side(note('title: Alpha', apples)), side(note('title: Omega', 'Trains, briefly.')))).toBe(false);
  });

  it('the title kept: another note only with its identity changed and a long body, new (fx25l F2; an edit on main)', () => {
    const [apples, trains] = [longBody('apple'), longBody('train')];
    const week = (date: string, body: string) => side(note(`title: Weekly notes\ndate: ${date}\npermalink: /weekly/${date}/`, body));
    const cases: [string, NoteSide, NoteSide, boolean][] = [
      ['date and permalink changed, a new long body', week('2024-03-01', apples), week('2024-03-08', trains), true],
      ['date and permalink changed, the body kept (a re-dated note)', week('2024-03-01', apples), week('2024-03-08', `${apples} more`), false],
      ['the date kept, a new long body', week('2024-03-01', apples), side(note('title: Weekly notes\ndate: 2024-03-01', trains)), false],
      ['nothing written, a new long body', side(note('title: Weekly notes', apples)), side(note('title: Weekly notes', trains)), false],
      ['date and permalink changed, a short body', week('2024-03-01', 'Apples.'), week('2024-03-08', 'Trains.'), false],
    ];
    for (const [what, before, after, another] of cases) expect(beyondRecognition(before, after) && anotherNote(before, after), what).toBe(another);
  });

  it('a record from before identities were kept gives no identity evidence: the bodies decide', () => {
    const before = { ...side(note('title: Alpha', 'Apples.')), identity: undefined };
    expect(anotherNote(before, side(note('title: Omega\ndate: 2025-09-12', 'Trains.')))).toBe(false);
  });
});

describe('on the corpus (real notes, each read at one shared path)', () => {
  // Each read at a.md: what its own path gave it (a date, a URL from the file name) is then alike on both sides.
  const notes = manifest().map((r) => ({ rel: r.path, family: path.basename(r.path).replace(/-[a-z]+\.md$/, ''), side: side(readFileSync(path.join(CORPUS_NOTES, r.path), 'utf8')) }));

  it('every note is long enough to judge without front-matter evidence', () => {
    for (const n of notes) expect(n.side.body.n, n.rel).toBeGreaterThanOrEqual(JUDGED_RUNS);
  });

  it('a note of another family written over a note is another note unless their titles share a word or both wrote one date', () => {
    let judged = 0;
    for (const a of notes) {
      for (const b of notes) {
        if (a.family === b.family) continue;
        const [x, y] = [a.side, b.side];
        const shared = new Set(x.title.toLowerCase().split(/[^\p{L}\p{N}]+/u)), sameDate = x.identity?.date !== undefined && x.identity.date === y.identity?.date;
        if (y.title.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((w) => w && shared.has(w)) || sameDate || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(x.title + y.title)) continue;
        judged++;
        expect(anotherNote(x, y), `${b.rel} over ${a.rel}`).toBe(true);
      }
    }
    expect(judged).toBeGreaterThan(notes.length * 10); // most pairs are judged here, not skipped
  });
});
