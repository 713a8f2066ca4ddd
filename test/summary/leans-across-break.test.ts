/**
 * A paragraph's first sentence opening on a bare pronoun ("It is made with `git tag -a`.") leans on the
 * last sentence of the paragraph before: shown right after it when that one is a point, never alone
 * (README; tester 21-2 F9). Before, a short one was dropped as a fragment even when the sentence it
 * leans on was chosen, and the note lost its command. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const ACROSS_BREAK: Array<[lang: string, body: string, leanedOn: string, leaning: string]> = [
  ['en', 'A Git tag marks one commit of a repository for good.\n\nIt is made with `git tag -a v1.0`. Tags reach the remote only with `git push --tags`.', 'A Git tag marks one commit of a repository for good.', 'It is made with git tag -a v1.0.'],
  ['de', 'Ein Git-Tag markiert einen Commit eines Repositorys dauerhaft.\n\nEr wird mit `git tag -a v1.0` angelegt. Tags erreichen das Remote nur mit `git push --tags`.', 'Ein Git-Tag markiert einen Commit eines Repositorys dauerhaft.', 'Er wird mit git tag -a v1.0 angelegt.'],
  ['fr', 'Un tag Git marque durablement un commit du dépôt.\n\nIl se crée avec `git tag -a v1.0`. Les tags ne partent sur le serveur qu’avec `git push --tags`.', 'Un tag Git marque durablement un commit du dépôt.', 'Il se crée avec git tag -a v1.0.'],
];

describe('a bare pronoun opening a paragraph', () => {
  for (const [lang, body, leanedOn, leaning] of ACROSS_BREAK) {
    it(`is shown right after the sentence it leans on (${lang})`, () => {
      const points = pointsOfNote(lang, body);
      expect(points).toContain(leaning);
      expect(points.indexOf(leaning)).toBe(points.indexOf(leanedOn) + 1);
    });
  }

  it('is no point after a paragraph whose last sentence gave none', () => {
    const points = pointsOfNote('en', 'A Git tag marks one commit of a repository for good. Have you ever wondered why?\n\nIt is made with `git tag -a v1.0`. Tags reach the remote only with `git push --tags`.');
    expect(points.some((p) => p.startsWith('It is made'))).toBe(false);
  });

  it('reads alone when its subject only holds the place of a later one', () => {
    const points = pointsOfNote('en', 'A Git tag marks one commit of a repository for good. Have you ever wondered why?\n\nThere are two kinds of tag in Git. Tags reach the remote only with `git push --tags`.');
    expect(points).toContain('There are two kinds of tag in Git.');
  });
});
