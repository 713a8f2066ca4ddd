/**
 * A sentence that speaks to the reader ("your …") is small talk only when it says nothing of the note's
 * subject: one naming code or a path ("Your `.gitconfig` holds…"), or counting things ("Git keeps three
 * kinds of objects, and … your history"), is content, as a lead or as the note's opening; a remark on the
 * reader with none of these, and a lead-in from the reader's own material, stay out (issue 23, tester
 * 19-2 item 1). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

/** A note of three sections; `lead` opens the first. */
const en = (lead: string) =>
  `## Identity\n\n${lead} Set it once per machine.\n\n## Aliases\n\nAliases shorten long commands like \`log --oneline\`. Define them under a section of their own.\n\n## Hooks\n\nHooks run scripts before each commit. They live outside the history.`;
const es = (lead: string) =>
  `## Identidad\n\n${lead} Configúralo una vez por equipo.\n\n## Alias\n\nLos alias acortan órdenes largas como \`log --oneline\`. Se definen en una sección propia.\n\n## Ganchos\n\nLos ganchos ejecutan guiones antes de cada confirmación. Viven fuera del historial.`;

describe('a sentence to the reader that names code, a path or a count', () => {
  it('keeps a section lead naming the reader’s file as code (en, es)', () => {
    const lead = 'Your `~/.gitconfig` holds the name and address stamped on every commit.';
    // Its heading's name may lead it ("Identity: Your …"): the sentence is what counts.
    expect(pointsOfNote('en', en(lead)).some((p) => p.includes('Your ~/.gitconfig holds the name and address stamped on every commit.'))).toBe(true);
    const leadEs = 'Tu `~/.gitconfig` guarda el nombre y la dirección de cada confirmación.';
    expect(pointsOfNote('es', es(leadEs)).some((p) => p.includes('Tu ~/.gitconfig guarda el nombre y la dirección de cada confirmación.'))).toBe(true);
  });

  it('keeps an opening that counts the note’s parts though it says "your" (en, de)', () => {
    const opening = 'Git stores three kinds of objects, and mixing them up confuses your history.';
    expect(pointsOfNote('en', `${opening}\n\n${en('The identity sets the author of commits.')}`)[0]).toBe(opening);
    const de = 'Git speichert drei Arten von Objekten, und wer sie verwechselt, versteht deinen Verlauf nicht.';
    const body = '## Blobs\n\nBlobs halten den Inhalt einer Datei. Namen kennen sie nicht.\n\n## Bäume\n\nBäume ordnen Blobs unter Namen. Sie bilden Verzeichnisse ab.\n\n## Commits\n\nCommits zeigen auf einen Baum. Sie tragen Autor und Datum.';
    expect(pointsOfNote('de', `${de}\n\n${body}`)[0]).toBe(de);
  });

  it('still leaves out a remark on the reader, and a lead-in from the reader’s own output', () => {
    const remark = 'Honestly, your confusion here is completely understandable.';
    expect(pointsOfNote('en', `${remark}\n\n${en('The identity sets the author of commits.')}`)).not.toContain(remark);
    const fromOutput = pointsOfNote('en', en('From your `git config --list` output:\n\n```\nuser.name=Ada\n```\n\nThe identity is set.'));
    expect(fromOutput.some((p) => p.startsWith('From your'))).toBe(false);
  });
});
